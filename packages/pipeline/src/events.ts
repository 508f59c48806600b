import { appendSessionEvent, listSessionEventsAfter, type DbConnection } from "@adgen/db";
import { microsToUsd, type ProgressEvent } from "@adgen/schemas";
import { startNotificationListener } from "./event-listener";
import { createSessionFeeds, type Follower } from "./session-feeds";
import { untilAborted, ABORTED } from "./until-aborted";

const CHANNEL = "adgen_session_events";
const PAGE = 500;

export type ProgressUpdate = Omit<ProgressEvent, "sessionId" | "timestamp" | "currentCost">;

/** A progress event and its place in the session's log: `id` is the per-session sequence. */
export interface StoredEvent {
  id: number;
  event: ProgressEvent;
}

export interface EventBus {
  /** Appends to the session's durable log and wakes every follower, in any process. */
  publish(sessionId: string, update: ProgressUpdate): Promise<StoredEvent>;
  /** Everything after sequence `lastEventId`, then live events, until the signal aborts. */
  follow(
    sessionId: string,
    options?: { lastEventId?: number; signal?: AbortSignal },
  ): AsyncGenerator<StoredEvent>;
  /** How many followers are attached (tests assert none leak). */
  listenerCount(): number;
  close(): Promise<void>;
}

/**
 * Progress events live in `session_events`, numbered per session. Each process keeps one
 * reader per followed session (see session-feeds.ts) that fans new events out to all its
 * followers, so an event costs one query per process, not one per subscriber. Readers are
 * woken by PostgreSQL LISTEN/NOTIFY (a worker on another machine reaches every web server)
 * or, on PGlite (one process), directly by `publish`. An idle follower costs nothing.
 */
export async function createEventBus(conn: DbConnection): Promise<EventBus> {
  const { db } = conn;
  const feeds = createSessionFeeds(
    (sessionId, afterSeq) => listSessionEventsAfter(db, sessionId, afterSeq, PAGE),
    PAGE,
  );
  const listener =
    conn.driver === "pg"
      ? await startNotificationListener(conn.url, CHANNEL, {
          onNotify: (message) => {
            const [sessionId = "", seq] = message.split(":");
            feeds.wake(sessionId, Number(seq));
          },
          // Whatever was published while the connection was down is read now.
          onReconnect: () => feeds.wakeAll(),
        })
      : null;

  async function publish(sessionId: string, update: ProgressUpdate): Promise<StoredEvent> {
    const notifyChannel = conn.driver === "pg" ? CHANNEL : undefined;
    const appended = await appendSessionEvent(
      db,
      sessionId,
      (session) => ({
        ...update,
        sessionId,
        currentCost: microsToUsd(session.totalCostMicros),
        timestamp: new Date().toISOString(),
      }),
      { notifyChannel },
    );
    if (!appended) throw new Error(`Session ${sessionId} no longer exists`);
    const stored = { id: appended.seq, event: appended.payload };
    // Followers in this process get it without a read; other processes by NOTIFY.
    feeds.deliver(sessionId, stored);
    return stored;
  }

  async function* follow(
    sessionId: string,
    options: { lastEventId?: number; signal?: AbortSignal } = {},
  ): AsyncGenerator<StoredEvent> {
    const { signal } = options;
    if (signal?.aborted) return;
    let last = options.lastEventId ?? 0;
    const queue: StoredEvent[] = [];
    let wake: (() => void) | undefined;
    const follower: Follower = {
      push: (event) => {
        queue.push(event);
        wake?.();
      },
      end: () => wake?.(),
    };
    const onAbort = () => wake?.();
    signal?.addEventListener("abort", onAbort, { once: true });
    // Join the feed before reading the backlog, so nothing published in between is lost.
    const feed = feeds.join(sessionId, follower);
    /** Yields the log after `last`, stopping before `before` or when the signal aborts. */
    async function* readLog(before = Infinity) {
      for (;;) {
        const rows = await untilAborted(listSessionEventsAfter(db, sessionId, last, PAGE), signal);
        if (rows === ABORTED) return;
        for (const row of rows) {
          if (row.seq >= before) return;
          last = row.seq;
          yield { id: row.seq, event: row.payload };
          if (signal?.aborted) return;
        }
        if (rows.length < PAGE) return;
      }
    }
    try {
      yield* readLog();
      feed.settle(last);
      while (!signal?.aborted && !feed.ended) {
        const next = queue.shift();
        if (!next) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        if (next.id <= last) continue;
        // A gap (this follower joined while the reader was behind): fill it from the log.
        if (next.id > last + 1) yield* readLog(next.id);
        if (signal?.aborted) return;
        last = next.id;
        yield next;
      }
    } finally {
      signal?.removeEventListener("abort", onAbort);
      feeds.leave(sessionId, follower);
    }
  }

  return {
    publish,
    follow,
    listenerCount: () => feeds.followerCount(),
    close: async () => {
      feeds.endAll();
      await listener?.close();
    },
  };
}
