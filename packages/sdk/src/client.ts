import type { AppRouter } from "@adgen/api";
import type { ProgressEvent, Stage } from "@adgen/schemas";
import { createTRPCClient, createWSClient, httpBatchLink, splitLink, wsLink } from "@trpc/client";
import superjson from "superjson";
import WebSocket from "ws";

export interface AdgenClientOptions {
  /** Where Adgen runs, e.g. http://localhost:3000. */
  baseUrl: string;
  /** A session token from `auth.login` (sent as `Authorization: Bearer`). */
  token?: string;
}

/**
 * The typed client internal tools use: the same router as the web app, HTTP for queries and
 * mutations, a WebSocket for progress. Types come from the API package, never redeclared.
 */
export function createAdgenClient(options: AdgenClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  // Lazy: the socket opens with the first subscription and closes when idle, so
  // query-only tools never hold one open.
  const ws = createWSClient({
    url: `${baseUrl.replace(/^http/, "ws")}/trpc`,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    connectionParams: options.token ? { token: options.token } : undefined,
    retryDelayMs: (attempt) => Math.min(10_000, 250 * 2 ** attempt),
    lazy: { enabled: true, closeMs: 1_000 },
  });
  const trpc = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: wsLink({ client: ws, transformer: superjson }),
        false: httpBatchLink({
          url: `${baseUrl}/trpc`,
          transformer: superjson,
          headers: () => (options.token ? { authorization: `Bearer ${options.token}` } : {}),
        }),
      }),
    ],
  });

  /** Resolves with the event that ends the running step, streaming the others to `onEvent`. */
  function waitForStep(
    sessionId: string,
    options: {
      stages: Stage[];
      lastEventId?: string;
      onEvent?: (event: ProgressEvent) => void;
      timeoutMs?: number;
    },
  ): Promise<{ id: string; event: ProgressEvent }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        sub.unsubscribe();
        reject(
          new Error(`No result after ${Math.round((options.timeoutMs ?? 600_000) / 1000)} s.`),
        );
      }, options.timeoutMs ?? 600_000);
      const sub = trpc.generation.progress.subscribe(
        { sessionId, lastEventId: options.lastEventId },
        {
          onData: ({ id, data }) => {
            options.onEvent?.(data);
            if (!data.done) return;
            if (data.stage === "failed" || options.stages.includes(data.stage)) {
              clearTimeout(timer);
              sub.unsubscribe();
              if (data.stage === "failed") reject(new Error(data.error ?? data.message));
              else resolve({ id, event: data });
            }
          },
          onError: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        },
      );
    });
  }

  /**
   * Downloads a media URL from `sessions.get`. The token goes only to Adgen's own origin:
   * a presigned storage URL carries its own signature, and a bearer token sent there would
   * leak to the bucket's host (and S3 refuses two auth mechanisms anyway).
   */
  async function download(url: string): Promise<Buffer> {
    const target = new URL(url, `${baseUrl}/`);
    const ownOrigin = target.origin === new URL(baseUrl).origin;
    const res = await fetch(target, {
      headers: ownOrigin && options.token ? { authorization: `Bearer ${options.token}` } : {},
      // A redirect could lead elsewhere with the header still attached.
      redirect: ownOrigin ? "manual" : "follow",
    });
    if (!res.ok) throw new Error(`Downloading ${url} failed: HTTP ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  }

  return { trpc, waitForStep, download, close: () => ws.close() };
}

export type AdgenClient = ReturnType<typeof createAdgenClient>;
