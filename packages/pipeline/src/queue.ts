import type { DbConnection } from "@adgen/db";
import { fromPglite, PgBoss } from "pg-boss";

export const QUEUES = {
  images: "generate-images",
  clips: "generate-clips",
  compose: "compose-video",
  /** Jobs that exhausted their retries land here, so their session ends in `failed`. */
  dead: "generation-dead",
} as const;

export type GenerationQueue = Exclude<(typeof QUEUES)[keyof typeof QUEUES], typeof QUEUES.dead>;

export interface GenerationJobData {
  sessionId: string;
  runId: string;
}

export interface QueueTiming {
  /** How often stale heartbeats and expired jobs are looked for (pg-boss supervise). */
  superviseIntervalSeconds?: number;
  /** A worker that stops beating for this long is presumed dead and its job retried. */
  heartbeatSeconds?: number;
  retryDelaySeconds?: number;
}

/**
 * pg-boss on the same database as everything else: node-postgres for PostgreSQL, the
 * built-in adapter for PGlite (one process, so the worker runs in the web server).
 */
export async function startJobQueue(conn: DbConnection, timing: QueueTiming = {}): Promise<PgBoss> {
  const common = {
    schema: "pgboss",
    superviseIntervalSeconds: timing.superviseIntervalSeconds ?? 15,
    monitorIntervalSeconds: timing.superviseIntervalSeconds ?? 15,
    schedule: false,
  };
  const boss =
    conn.driver === "pg"
      ? new PgBoss({ ...common, connectionString: conn.url, max: 4, application_name: "adgen-jobs" })
      : new PgBoss({ ...common, db: fromPglite(conn.pglite), backend: "pglite" });
  boss.on("error", (error) => console.error("[jobs]", error.message));
  await boss.start();

  if (!(await boss.getQueue(QUEUES.dead))) await boss.createQueue(QUEUES.dead, { retryLimit: 5, retryDelay: 1 });
  for (const [name, expireInSeconds] of [
    [QUEUES.images, 10 * 60],
    [QUEUES.clips, 20 * 60],
    [QUEUES.compose, 20 * 60],
  ] as const) {
    const options = {
      retryLimit: 3,
      retryDelay: timing.retryDelaySeconds ?? 2,
      retryBackoff: true,
      retryDelayMax: 60,
      expireInSeconds,
      heartbeatSeconds: timing.heartbeatSeconds ?? 20,
      deadLetter: QUEUES.dead,
    };
    if (await boss.getQueue(name)) await boss.updateQueue(name, options);
    else await boss.createQueue(name, options);
  }
  return boss;
}
