import { STEP_FLOW } from "@adgen/schemas";
import type { Job } from "pg-boss";
import type { PipelineDeps } from "./deps";
import { startDispatcher } from "./job-dispatcher";
import { failRun } from "./jobs/run-guard";
import { DEAD_LETTER_QUEUE, GENERATION_QUEUE, type GenerationJobData } from "./queue";
import { STEPS } from "./steps";
import type { JobStep } from "./step-types";

export interface WorkerHandle {
  stop: () => Promise<void>;
}

export interface WorkerOptions {
  /** Jobs this process runs at once, all steps together. */
  concurrency: number;
  /** Jobs of one user running at once, across every worker process (default 2). */
  jobsPerUser?: number;
  /** The queue's heartbeat: an attempt silent for 3/4 of it is presumed dead (default 20). */
  heartbeatSeconds?: number;
  onJobDone?: (step: string, sessionId: string) => void;
}

/**
 * Runs the STEPS table's jobs from the one generation queue: `concurrency` at a time in
 * this process, at most `jobsPerUser` per user (a user at the limit is skipped for the next
 * user's job, so one account cannot starve the others; job-dispatcher.ts). Any number of
 * processes may do this against one database: pg-boss hands each job to one of them.
 */
export async function startWorker(
  deps: PipelineDeps,
  options: WorkerOptions,
): Promise<WorkerHandle> {
  const { jobsPerUser = 2, heartbeatSeconds = 20 } = options;
  const dispatcher = startDispatcher<GenerationJobData>(deps.boss, {
    queue: GENERATION_QUEUE,
    concurrency: options.concurrency,
    jobsPerGroup: jobsPerUser,
    pollIntervalMs: 500,
    heartbeatSeconds,
    run: async (job) => {
      const step: JobStep = STEPS[job.data.step];
      await step.run(deps, {
        flow: step,
        sessionId: job.data.sessionId,
        runId: job.data.runId,
        jobId: job.id,
        signal: job.signal,
        heartbeatSeconds: job.heartbeatSeconds ?? heartbeatSeconds,
        lastClaim: job.retryCount >= job.retryLimit,
      });
      options.onJobDone?.(step.name, job.data.sessionId);
    },
  });
  await deps.boss.work(DEAD_LETTER_QUEUE, async (jobs: Job<GenerationJobData>[]) => {
    for (const job of jobs) await failDeadRun(deps, job.data, heartbeatSeconds);
  });
  return {
    stop: async () => {
      await dispatcher.stop();
      await deps.boss.offWork(DEAD_LETTER_QUEUE);
    },
  };
}

/**
 * A job pg-boss gave up on (its workers kept dying, or it kept expiring) still gets a final
 * state: its own run fails, if that run is still the session's current one and running.
 */
async function failDeadRun(deps: PipelineDeps, data: GenerationJobData, heartbeatSeconds: number) {
  const flow = STEP_FLOW[data.step];
  const reason = "The job stopped unexpectedly several times. Please try again.";
  const run = { sessionId: data.sessionId, runId: data.runId, heartbeatSeconds };
  await failRun(deps, run, flow, reason);
}
