import type { JobWithMetadata, PgBoss } from "pg-boss";
import { jobWake } from "./job-wake";

export interface DispatcherOptions<T> {
  queue: string;
  /** Jobs this process runs at once. */
  concurrency: number;
  /** Jobs of one group (user) running at once, across every process. */
  jobsPerGroup: number;
  /**
   * How long an idle dispatcher waits before asking for work again, unless woken sooner: by
   * a job sent through this pg-boss instance or (PostgreSQL) any other, or by one of its own
   * jobs ending. The poll still finds what no wake announced: retries coming due, a lost
   * NOTIFY, a slot freed in another process.
   */
  pollIntervalMs: number;
  /** The queue's heartbeat, the default for jobs that carry none. */
  heartbeatSeconds: number;
  /** Runs one job; its `signal` aborts when the job's claim is gone. Throwing fails the job. */
  run: (job: JobWithMetadata<T>) => Promise<void>;
}

/**
 * Runs a queue's jobs with pg-boss's fetch/touch/complete/fail, one fetch at a time.
 * pg-boss's own `work()` lets each of its `localConcurrency` loops fetch on its own, and
 * `groupConcurrency` counts a group's active jobs in a snapshot taken by each fetch, so two
 * fetches at the same moment both see a user below the limit and both take one of their
 * jobs. Fetching one at a time in this process, and on PostgreSQL under a transaction-scoped
 * advisory lock shared by every process, makes each fetch see the jobs the last one claimed:
 * at most `jobsPerGroup` of a user's jobs run, and a user at the limit is skipped for the
 * next user's job.
 */
export function startDispatcher<T extends object>(boss: PgBoss, options: DispatcherOptions<T>) {
  const { queue } = options;
  const active = new Map<Promise<void>, AbortController>();
  let stopping = false;

  /** Set by every wake; cleared before each fetch, so a wake during a fetch is not lost. */
  let woken = false;
  let endIdle: (() => void) | null = null;
  function wake() {
    woken = true;
    endIdle?.();
  }
  /** Until a wake since the last fetch began, or `pollIntervalMs`. */
  async function idle() {
    if (woken) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, options.pollIntervalMs);
      timer.unref();
      endIdle = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    endIdle = null;
  }
  const unsubscribe = jobWake(boss).subscribe((sent) => {
    // "" is every queue: a reconnected listener may have missed any of them.
    if (sent === queue || sent === "") wake();
  });

  async function fetchOne(): Promise<JobWithMetadata<T> | null> {
    const fetchOptions = {
      includeMetadata: true,
      batchSize: 1,
      groupConcurrency: options.jobsPerGroup,
    } as const;
    const db = boss.getDb();
    if (!db.beginTransaction) {
      // PGlite: one process, and this loop already fetches one job at a time.
      const [job] = await boss.fetch<T>(queue, fetchOptions);
      return job ?? null;
    }
    const tx = await db.beginTransaction();
    try {
      await tx.db.executeSql("select pg_advisory_xact_lock(hashtext($1))", [`fetch:${queue}`]);
      const [job] = await boss.fetch<T>(queue, { ...fetchOptions, db: tx.db });
      await tx.commit();
      return job ?? null;
    } catch (error) {
      await tx.rollback();
      throw error;
    }
  }

  /** Keeps the claim alive, and aborts the job's signal once pg-boss says it is gone. */
  function heartbeat(job: JobWithMetadata<T>, claim: AbortController) {
    const seconds = job.heartbeatSeconds ?? options.heartbeatSeconds;
    const attempt = { id: job.id, retryCount: job.retryCount };
    const timer = setInterval(
      () => {
        boss
          .touch(queue, attempt)
          .then((answer) => {
            // `settled` lists the jobs refreshed: a job not among them was retried elsewhere,
            // expired or cancelled, and its handler should stop.
            const { settled, affected } = answer as { settled?: string[]; affected?: number };
            const kept = Array.isArray(settled) ? settled.includes(job.id) : affected !== 0;
            if (!kept) claim.abort(new Error(`job ${job.id} is no longer this worker's`));
          })
          // A beat that could not run says nothing about the claim.
          .catch(() => undefined);
      },
      (seconds * 1000) / 2,
    );
    timer.unref();
    return () => clearInterval(timer);
  }

  async function handle(job: JobWithMetadata<T>, claim: AbortController) {
    const stopBeating = heartbeat(job, claim);
    const attempt = { id: job.id, retryCount: job.retryCount };
    try {
      await options.run({ ...job, signal: claim.signal });
      await boss.complete(queue, attempt);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await boss.fail(queue, attempt, { message }).catch(() => undefined);
    } finally {
      stopBeating();
    }
  }

  async function loop() {
    while (!stopping) {
      if (active.size >= options.concurrency) {
        await Promise.race(active.keys());
        continue;
      }
      let job: JobWithMetadata<T> | null = null;
      woken = false;
      try {
        job = await fetchOne();
      } catch (error) {
        if (!stopping) console.error("[jobs] fetch failed:", (error as Error).message);
      }
      if (!job) {
        await idle();
        continue;
      }
      const claim = new AbortController();
      // Its end frees a slot here and one of its user's: the next job may be theirs.
      const running: Promise<void> = handle(job, claim).finally(() => {
        active.delete(running);
        wake();
      });
      active.set(running, claim);
    }
  }

  const looping = loop();
  return {
    /** Stops fetching; waits for running jobs, and after `graceMs` aborts them. */
    async stop(graceMs = 10_000) {
      stopping = true;
      unsubscribe();
      wake();
      await looping;
      const all = Promise.allSettled(active.keys());
      const timer = setTimeout(() => {
        for (const claim of active.values()) claim.abort(new Error("worker stopping"));
      }, graceMs);
      await all;
      clearTimeout(timer);
    },
  };
}
