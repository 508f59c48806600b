import { randomUUID } from "node:crypto";
import type { DbConnection } from "@adgen/db";
import type { PgBoss } from "pg-boss";
import { startNotificationListener } from "./event-listener";

/** PostgreSQL channel on which a sent job says "look again" to every worker process. */
export const JOBS_CHANNEL = "adgen_jobs";

export interface JobWake {
  /** A job of `queue` was sent: wakes this process's dispatchers, and on PostgreSQL all others. */
  announce(queue: string): Promise<void>;
  /** Calls `wake(queue)` on every announcement, from any process; returns the unsubscribe. */
  subscribe(wake: (queue: string) => void): () => void;
  /** Settles once this process LISTENs (PostgreSQL, while subscribed) or never will (tests). */
  listening(): Promise<void>;
}

const wakes = new WeakMap<PgBoss, JobWake>();

/**
 * Ties a wake-up signal to the queue's pg-boss instance, so whatever sends jobs through that
 * instance wakes the dispatchers fetching from it. A wake is only a hint to fetch now: the
 * dispatchers still poll, so a lost one costs a poll interval, never a job.
 *
 * pg-boss 12 has its own LISTEN/NOTIFY (`useListenNotify` and a queue's `notify`), but its
 * listener wakes only its own `work()` loops; ours fetch by themselves (job-dispatcher.ts).
 */
export function attachJobWake(boss: PgBoss, conn: DbConnection): JobWake {
  const local = new Set<(queue: string) => void>();
  const wakeAll = (queue: string) => {
    for (const wake of local) wake(queue);
  };
  /** Names this process in its notifications: its own dispatchers were woken directly. */
  const self = randomUUID();
  let listener: Promise<{ close: () => Promise<void> } | null> | null = null;

  function listen() {
    if (conn.driver !== "pg") return null;
    return startNotificationListener(conn.url, JOBS_CHANNEL, {
      onNotify: (payload) => {
        const colon = payload.indexOf(":");
        if (payload.slice(0, colon) !== self) wakeAll(payload.slice(colon + 1));
      },
      // Whatever was sent while the connection was down is fetched now.
      onReconnect: () => wakeAll(""),
    }).catch((error: Error) => {
      console.error("[jobs] no LISTEN connection, polling only:", error.message);
      return null;
    });
  }

  const wake: JobWake = {
    async announce(queue) {
      wakeAll(queue);
      if (conn.driver !== "pg") return;
      // The job is sent either way: a failed NOTIFY leaves it to the other processes' polls.
      await boss
        .getDb()
        .executeSql("select pg_notify($1, $2)", [JOBS_CHANNEL, `${self}:${queue}`])
        .catch((error: Error) => console.error("[jobs] NOTIFY failed:", error.message));
    },
    subscribe(fn) {
      local.add(fn);
      // One LISTEN connection per process, held while a dispatcher runs here.
      listener ??= listen();
      return () => {
        local.delete(fn);
        if (local.size > 0 || !listener) return;
        const closing = listener;
        listener = null;
        void closing.then((handle) => handle?.close());
      };
    },
    listening: async () => {
      await listener;
    },
  };
  wakes.set(boss, wake);
  return wake;
}

/** The wake-up signal of a pg-boss instance; one that never had one attached wakes no one. */
export function jobWake(boss: PgBoss): JobWake {
  return (
    wakes.get(boss) ?? {
      announce: async () => {},
      subscribe: () => () => {},
      listening: async () => {},
    }
  );
}
