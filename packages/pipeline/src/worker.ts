import { findSessionById } from "@adgen/db";
import { runningStep, STEP_FLOW } from "@adgen/schemas";
import type { Job, JobWithMetadata } from "pg-boss";
import type { PipelineDeps } from "./deps";
import { failRun } from "./jobs/run-guard";
import { DEAD_LETTER_QUEUE, type GenerationJobData } from "./queue";
import { JOB_STEPS } from "./steps";

export interface WorkerHandle {
  stop: () => Promise<void>;
}

/**
 * Registers a handler per job step of the STEPS table with pg-boss. Any number of processes
 * may do this against one database: pg-boss hands each job to one of them.
 */
export async function startWorker(
  deps: PipelineDeps,
  options: { concurrency: number; onJobDone?: (queue: string, sessionId: string) => void },
): Promise<WorkerHandle> {
  for (const step of JOB_STEPS) {
    await deps.boss.work(
      step.queue,
      { localConcurrency: options.concurrency, includeMetadata: true, pollingIntervalSeconds: 0.5 },
      async (jobs: JobWithMetadata<GenerationJobData>[]) => {
        for (const job of jobs) {
          const finalAttempt = job.retryCount >= job.retryLimit;
          await step.run(deps, { flow: step, ...job.data, finalAttempt });
          options.onJobDone?.(step.queue, job.data.sessionId);
        }
      },
    );
  }
  await deps.boss.work(DEAD_LETTER_QUEUE, async (jobs: Job<GenerationJobData>[]) => {
    for (const job of jobs) await failDeadRun(deps, job.data);
  });
  return {
    stop: async () => {
      for (const step of JOB_STEPS) await deps.boss.offWork(step.queue);
      await deps.boss.offWork(DEAD_LETTER_QUEUE);
    },
  };
}

/**
 * A job that died (crashes, timeouts) more often than its retries allow still gets a final
 * state: its run fails if it is still running, whichever step it was.
 */
async function failDeadRun(deps: PipelineDeps, data: GenerationJobData) {
  const session = await findSessionById(deps.db, data.sessionId);
  const running = session ? runningStep(session.stage) : null;
  if (!running) return;
  const reason = "The job stopped unexpectedly several times. Please try again.";
  await failRun(deps, data, STEP_FLOW[running], reason);
}
