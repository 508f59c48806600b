import type { DbConnection } from "@adgen/db";
import type { JobStepName } from "@adgen/schemas";
import { fromPglite, PgBoss } from "pg-boss";
import { attachJobWake, jobWake } from "./job-wake";

/**
 * Every job step shares one queue, so that one worker's `localConcurrency` bounds the whole
 * process and pg-boss's `groupConcurrency` (group = the user) bounds a user's running jobs
 * across all steps: both limits count jobs of one queue only.
 */
export const GENERATION_QUEUE = "generation";

/** Jobs pg-boss gave up on land here, so their session ends in `failed`. */
export const DEAD_LETTER_QUEUE = "generation-dead";

export interface GenerationJobData {
  sessionId: string;
  runId: string;
  /** The row of STEPS whose handler runs the job. */
  step: JobStepName;
}

/**
 * How often pg-boss may claim a job: 1 + retries. A worker that dies, or goes silent past
 * its heartbeat, costs a claim, so this budget is large and spent with back-off; a job's
 * own errors have the small budget of `FAILED_ATTEMPTS_LIMIT` (jobs/run-guard.ts).
 */
export const JOB_CLAIM_LIMIT = 15;

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
      ? new PgBoss({
          ...common,
          connectionString: conn.url,
          max: 4,
          application_name: "adgen-jobs",
        })
      : new PgBoss({ ...common, db: fromPglite(conn.pglite), backend: "pglite" });
  boss.on("error", (error) => console.error("[jobs]", error.message));
  await boss.start();
  attachJobWake(boss, conn);

  if (!(await boss.getQueue(DEAD_LETTER_QUEUE))) {
    await boss.createQueue(DEAD_LETTER_QUEUE, { retryLimit: 5, retryDelay: 1 });
  }
  const options = {
    retryLimit: JOB_CLAIM_LIMIT - 1,
    retryDelay: timing.retryDelaySeconds ?? 2,
    retryBackoff: true,
    retryDelayMax: 60,
    heartbeatSeconds: timing.heartbeatSeconds ?? 20,
    deadLetter: DEAD_LETTER_QUEUE,
  };
  if (await boss.getQueue(GENERATION_QUEUE)) await boss.updateQueue(GENERATION_QUEUE, options);
  else await boss.createQueue(GENERATION_QUEUE, options);
  return boss;
}

/**
 * Queues a step's job for `userId`: the user is the job's group, so at most the worker's
 * `jobsPerUser` of their jobs run at once while other users' jobs go ahead; the step's
 * expiry travels with the job. Idle dispatchers, in this process and (PostgreSQL) in every
 * other, are woken to fetch it at once instead of at their next poll.
 */
export async function sendGenerationJob(
  boss: PgBoss,
  job: { data: GenerationJobData; userId: string; expireInSeconds: number },
): Promise<string | null> {
  const id = await boss.send(GENERATION_QUEUE, job.data, {
    group: { id: job.userId },
    expireInSeconds: job.expireInSeconds,
  });
  if (id) await jobWake(boss).announce(GENERATION_QUEUE);
  return id;
}
