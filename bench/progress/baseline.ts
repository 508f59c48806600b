import { EventEmitter } from "node:events";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { ImageModel, Provider } from "@adgen/agents";
import { listSessionEventsAfter, type DbConnection } from "@adgen/db";
import type { EventBus, StoredEvent } from "@adgen/pipeline";
import { renderImageTask } from "@adgen/provider-local";
import pg from "pg";

/*
 * The progress path as it was before issue 9, kept to measure against in the same run:
 * every subscriber runs its own loop that queries the log on each wake-up (and every 10 s),
 * and the local image model renders on the server's own thread.
 */

const CHANNEL = "adgen_session_events";
const FALLBACK_POLL_MS = 10_000;
const PAGE = 500;

/** Swaps the old follower and the in-thread renderer into a running server's pipeline. */
export async function installBaseline(conn: DbConnection, events: EventBus, provider: Provider) {
  const local = new EventEmitter();
  local.setMaxListeners(0);
  if (conn.driver === "pg") {
    const client = new pg.Client({ connectionString: conn.url });
    client.on("notification", (msg) => {
      if (msg.channel === CHANNEL && msg.payload) local.emit(msg.payload.split(":")[0]!);
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
  } else {
    const publish = events.publish.bind(events);
    events.publish = async (sessionId, update) => {
      const stored = await publish(sessionId, update);
      local.emit(sessionId);
      return stored;
    };
  }
  events.follow = (sessionId, options) => followOneByOne(conn, local, sessionId, options);
  Object.assign(provider, { imageModel: inThreadImageModel(provider.imageModel) });
}

async function* followOneByOne(
  conn: DbConnection,
  local: EventEmitter,
  sessionId: string,
  options: { lastEventId?: number; signal?: AbortSignal } = {},
): AsyncGenerator<StoredEvent> {
  const { signal } = options;
  let last = options.lastEventId ?? 0;
  let pending = true;
  let wake: (() => void) | undefined;
  const onEvent = () => {
    pending = true;
    wake?.();
  };
  local.on(sessionId, onEvent);
  try {
    while (!signal?.aborted) {
      pending = false;
      const rows = await listSessionEventsAfter(conn.db, sessionId, last, PAGE);
      for (const row of rows) {
        last = row.seq;
        yield { id: row.seq, event: row.payload };
      }
      if (rows.length === PAGE || pending) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, FALLBACK_POLL_MS);
        const done = () => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", done);
          wake = undefined;
          resolve();
        };
        wake = done;
        signal?.addEventListener("abort", done, { once: true });
      });
    }
  } finally {
    local.off(sessionId, onEvent);
  }
}

/** The image model as it was: the render holds the thread that serves every socket. */
function inThreadImageModel(pooled: ImageModel): ImageModel {
  return {
    id: pooled.id,
    async generate(request) {
      const started = performance.now();
      await yieldToEventLoop();
      const { prompt, negativePrompt, viewType, seed, width, height } = request;
      const bytes = renderImageTask({ prompt, negativePrompt, viewType, seed, width, height });
      return {
        output: { bytes, contentType: "image/png", width, height },
        costUsd: 0,
        durationMs: performance.now() - started,
        model: pooled.id,
      };
    },
  };
}
