import type { DbConnection } from "@adgen/db";
import { fromPglite, PgBoss } from "pg-boss";

/** Jobs that exhausted their retries land here, so their session ends in `failed`. */
export const DEAD_LETTER_QUEUE = "generation-dead";

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

/** A queue per job step (the STEPS table's `queue` and `expireInSeconds`). */
export interface StepQueue {
  queue: string;
  expireInSeconds: number;
}

/**
 * pg-boss on the same database as everything else: node-postgres for PostgreSQL, the
 * built-in adapter for PGlite (one process, so the worker runs in the web server).
 */
export async function startJobQueue(
  conn: DbConnection,
  steps: readonly StepQueue[],
  timing: QueueTiming = {},
): Promise<PgBoss> {
  const common = {
    schema: "pgboss",
    superviseIntervalSeconds: timing.superviseIntervalSeconds ?? 15,
    monitorIntervalSeconds: timing.superviseIntervalSeconds ?? 15,
    schedule: false,
  };
  const boss =
    conn.driver === "pg"
      ? new PgBoss({
          ...common,
          connectionString: conn.url,
          max: 4,
          application_name: "adgen-jobs",
        })
      : new PgBoss({ ...common, db: fromPglite(conn.pglite), backend: "pglite" });
  boss.on("error", (error) => console.error("[jobs]", error.message));
  await boss.start();

  if (!(await boss.getQueue(DEAD_LETTER_QUEUE))) {
    await boss.createQueue(DEAD_LETTER_QUEUE, { retryLimit: 5, retryDelay: 1 });
  }
  for (const { queue, expireInSeconds } of steps) {
    const options = {
      retryLimit: 3,
      retryDelay: timing.retryDelaySeconds ?? 2,
      retryBackoff: true,
      retryDelayMax: 60,
      expireInSeconds,
      heartbeatSeconds: timing.heartbeatSeconds ?? 20,
      deadLetter: DEAD_LETTER_QUEUE,
    };
    if (await boss.getQueue(queue)) await boss.updateQueue(queue, options);
    else await boss.createQueue(queue, options);
  }
  return boss;
}
