import { EventEmitter } from "node:events";
import {
  appendSessionEvent,
  findSessionById,
  listSessionEventsAfter,
  type DbConnection,
} from "@adgen/db";
import { microsToUsd, type ProgressEvent } from "@adgen/schemas";
import pg from "pg";

const CHANNEL = "adgen_session_events";
/** A missed wake-up (listener reconnecting) costs at most this long, never an event. */
const FALLBACK_POLL_MS = 10_000;
const PAGE = 500;

export type ProgressUpdate = Omit<ProgressEvent, "sessionId" | "timestamp" | "currentCost">;

export interface StoredEvent {
  id: number;
  event: ProgressEvent;
}

export interface EventBus {
  /** Appends to the session's durable log and wakes every follower, in any process. */
  publish(sessionId: string, update: ProgressUpdate): Promise<StoredEvent>;
  /** Everything after `lastEventId`, then live events, until the signal aborts. */
  follow(
    sessionId: string,
    options?: { lastEventId?: number; signal?: AbortSignal },
  ): AsyncGenerator<StoredEvent>;
  /** How many followers are attached (tests assert none leak). */
  listenerCount(): number;
  close(): Promise<void>;
}

/**
 * Progress events live in `session_events`; notifications only say "look again". On
 * PostgreSQL they travel by LISTEN/NOTIFY so a worker on another machine reaches every
 * web server; on PGlite (one process) an in-process emitter is enough.
 */
export async function createEventBus(
  conn: DbConnection,
  options: { fallbackPollMs?: number } = {},
): Promise<EventBus> {
  const fallbackPollMs = options.fallbackPollMs ?? FALLBACK_POLL_MS;
  const { db } = conn;
  const local = new EventEmitter();
  local.setMaxListeners(0);
  const listener = conn.driver === "pg" ? await startListener(conn.url, local) : null;

  async function publish(sessionId: string, update: ProgressUpdate): Promise<StoredEvent> {
    const session = await findSessionById(db, sessionId);
    const event: ProgressEvent = {
      ...update,
      sessionId,
      currentCost: microsToUsd(session?.totalCostMicros ?? 0),
      timestamp: new Date().toISOString(),
    };
    const notifyChannel = conn.driver === "pg" ? CHANNEL : undefined;
    const id = await appendSessionEvent(db, sessionId, event, { notifyChannel });
    if (!notifyChannel) local.emit(sessionId);
    return { id, event };
  }

  async function* follow(
    sessionId: string,
    options: { lastEventId?: number; signal?: AbortSignal } = {},
  ) {
    const { signal } = options;
    let last = options.lastEventId ?? 0;
    let pending = true;
    let wake: (() => void) | undefined;
    const onEvent = () => {
      pending = true;
      wake?.();
    };
    // Listen before reading the backlog, so nothing published in between is lost.
    local.on(sessionId, onEvent);
    try {
      while (!signal?.aborted) {
        pending = false;
        const rows = await listSessionEventsAfter(db, sessionId, last, PAGE);
        for (const row of rows) {
          last = row.id;
          yield { id: row.id, event: row.payload };
        }
        if (rows.length === PAGE || pending) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, fallbackPollMs);
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

  return {
    publish,
    follow,
    listenerCount: () => local.eventNames().reduce((n, name) => n + local.listenerCount(name), 0),
    close: async () => {
      await listener?.close();
      local.removeAllListeners();
    },
  };
}

/** A dedicated connection for LISTEN, reconnecting with backoff if the server drops it. */
async function startListener(url: string, local: EventEmitter) {
  let client: pg.Client | null = null;
  let closed = false;
  let attempt = 0;

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: url });
    next.on("notification", (msg) => {
      if (msg.channel === CHANNEL && msg.payload) local.emit(msg.payload);
    });
    next.on("error", () => reconnect());
    await next.connect();
    await next.query(`LISTEN ${CHANNEL}`);
    client = next;
    attempt = 0;
    // Followers re-read after a reconnect in case something was published meanwhile.
    for (const name of local.eventNames()) local.emit(name);
  }

  function reconnect() {
    if (closed) return;
    const old = client;
    client = null;
    old?.end().catch(() => {});
    const delay = Math.min(30_000, 250 * 2 ** attempt++);
    setTimeout(() => {
      if (!closed) connect().catch(() => reconnect());
    }, delay);
  }

  await connect();
  return {
    close: async () => {
      closed = true;
      await client?.end().catch(() => {});
    },
  };
}
