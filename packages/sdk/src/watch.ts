import type { ProgressEvent, Stage } from "@adgen/schemas";
import type { TRPCClient } from "@trpc/client";
import { AdgenError, toAdgenError, type AdgenErrorKind } from "./errors";
import { createInbox } from "./inbox";
import type { AdgenRouter } from "./router";

/** A progress event with the id to resume after. */
export type WatchedEvent = ProgressEvent & { id: string };

export interface WatchOptions {
  /** Resume after this event id (the `id` of the last event received). */
  lastEventId?: string;
  /** Ends the iteration quietly. */
  signal?: AbortSignal;
  /** How many broken connections in a row to survive (default 10). */
  maxReconnects?: number;
}

const TRANSIENT: AdgenErrorKind[] = ["network", "server", "rate_limited"];

type Delivery =
  | { kind: "event"; id: string; event: ProgressEvent }
  | { kind: "error"; error: AdgenError }
  | { kind: "end" };

const pause = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * Follows an ad's progress: replays what came after `lastEventId`, then follows live. The
 * WebSocket client resends the subscription with the last id on reconnect; when the
 * subscription itself breaks, this resubscribes from the last id it yielded. Ids already
 * yielded are skipped, so a replay overlapping the live stream yields nothing twice.
 */
export async function* watch(
  trpc: TRPCClient<AdgenRouter>,
  sessionId: string,
  options: WatchOptions = {},
): AsyncGenerator<WatchedEvent> {
  const { signal } = options;
  let lastEventId = options.lastEventId;
  const yielded = new Set<string>();
  let breaks = 0;
  while (!signal?.aborted) {
    const inbox = createInbox<Delivery>();
    const subscription = trpc.generation.progress.subscribe(
      { sessionId, lastEventId },
      {
        onData: ({ id, data }) => inbox.push({ kind: "event", id, event: data }),
        onError: (error) => inbox.push({ kind: "error", error: toAdgenError(error) }),
        onComplete: () => inbox.push({ kind: "end" }),
      },
    );
    const onAbort = () => inbox.push({ kind: "end" });
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      for (;;) {
        const delivery = await inbox.next();
        if (delivery.kind === "event") {
          breaks = 0;
          if (yielded.has(delivery.id)) continue;
          yielded.add(delivery.id);
          lastEventId = delivery.id;
          yield { ...delivery.event, id: delivery.id };
          continue;
        }
        if (signal?.aborted) return;
        // A broken connection or a server hiccup is worth another try; a refusal is not.
        const retriable = delivery.kind === "end" || TRANSIENT.includes(delivery.error.kind);
        if (!retriable || ++breaks > (options.maxReconnects ?? 10)) {
          if (delivery.kind === "error") throw Object.assign(delivery.error, { sessionId });
          throw new AdgenError("network", "The progress stream kept closing.", {});
        }
        break;
      }
    } finally {
      subscription.unsubscribe();
      signal?.removeEventListener("abort", onAbort);
    }
    await pause(Math.min(5_000, 200 * 2 ** breaks), signal);
  }
}

export interface WaitForStepOptions extends WatchOptions {
  /** Stages that end the step successfully (a `done` event in one of them). */
  stages: Stage[];
  onEvent?: (event: WatchedEvent) => void;
}

/** Resolves with the `done` event that ends the running step; a failed step rejects. */
export async function waitForStep(
  trpc: TRPCClient<AdgenRouter>,
  sessionId: string,
  options: WaitForStepOptions,
): Promise<WatchedEvent> {
  for await (const event of watch(trpc, sessionId, options)) {
    options.onEvent?.(event);
    if (!event.done) continue;
    if (event.stage === "failed") {
      const error = new AdgenError("failed", event.error ?? event.message);
      error.sessionId = sessionId;
      throw error;
    }
    if (options.stages.includes(event.stage)) return event;
  }
  const error = new AdgenError("cancelled", "Stopped waiting for the ad.");
  error.sessionId = sessionId;
  throw error;
}
