import type { AppRouter } from "@adgen/api";
import { createTRPCClient, createWSClient, wsLink } from "@trpc/client";
import superjson from "superjson";

type BrowserClient = ReturnType<typeof createTRPCClient<AppRouter>>;
let current: { userId: string; client: BrowserClient; close: () => void } | null = null;

/**
 * The browser's tRPC client: one WebSocket per tab, authenticated by the session cookie at
 * connect. Loaders and actions use the server-side caller; the socket carries live progress.
 * The socket's identity is fixed when it connects, so a different signed-in user (log-out,
 * then log-in as someone else in the same tab) gets a new socket carrying the new cookie.
 */
export function browserClient(userId: string): BrowserClient {
  if (current?.userId !== userId) {
    current?.close();
    const protocol = window.location.protocol === "https:" ? "wss" : "ws";
    const ws = createWSClient({
      url: `${protocol}://${window.location.host}/trpc`,
      retryDelayMs: (n) => Math.min(10_000, 500 * 2 ** n),
    });
    const client = createTRPCClient<AppRouter>({
      links: [wsLink({ client: ws, transformer: superjson })],
    });
    current = { userId, client, close: () => ws.close() };
  }
  return current.client;
}
