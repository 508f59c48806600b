import type { Job, JobWithMetadata } from "pg-boss";
import type { PipelineDeps } from "./deps";
import { runComposeJob } from "./jobs/compose-video";
import { runClipJob } from "./jobs/generate-clips";
import { runImageJob } from "./jobs/generate-images";
import { failRun } from "./jobs/run-guard";
import { QUEUES, type GenerationJobData } from "./queue";

type Handler = (deps: PipelineDeps, data: GenerationJobData, finalAttempt: boolean) => Promise<void>;

const HANDLERS: [string, Handler][] = [
  [QUEUES.images, runImageJob],
  [QUEUES.clips, runClipJob],
  [QUEUES.compose, runComposeJob],
];

const RUNNING_STAGE_OF: Record<string, "image_generation" | "clip_generation" | "final_composition"> = {
  [QUEUES.images]: "image_generation",
  [QUEUES.clips]: "clip_generation",
  [QUEUES.compose]: "final_composition",
};

export interface WorkerHandle {
  stop: () => Promise<void>;
}

/**
 * Registers the job handlers with pg-boss. Any number of processes may do this against
 * one database: pg-boss hands each job to one of them.
 */
export async function startWorker(
  deps: PipelineDeps,
  options: { concurrency: number; extraHandlers?: [string, Handler][]; onJobDone?: (queue: string, sessionId: string) => void },
): Promise<WorkerHandle> {
  const handlers = [...HANDLERS, ...(options.extraHandlers ?? [])];
  for (const [queue, handler] of handlers) {
    await deps.boss.work(
      queue,
      { localConcurrency: options.concurrency, includeMetadata: true, pollingIntervalSeconds: 0.5 },
      async (jobs: JobWithMetadata<GenerationJobData>[]) => {
        for (const job of jobs) {
          await handler(deps, job.data, job.retryCount >= job.retryLimit);
          options.onJobDone?.(queue, job.data.sessionId);
        }
      },
    );
  }
  // A job that died (crashes, timeouts) more often than its retries allow still gets a final state.
  await deps.boss.work(QUEUES.dead, async (jobs: Job<GenerationJobData>[]) => {
    for (const job of jobs) {
      const stage = RUNNING_STAGE_OF[job.name] ?? null;
      for (const candidate of stage ? [stage] : Object.values(RUNNING_STAGE_OF)) {
        await failRun(deps, job.data.sessionId, job.data.runId, candidate, "The job stopped unexpectedly several times. Please try again.");
      }
    }
  });
  return {
    stop: async () => {
      for (const [queue] of handlers) await deps.boss.offWork(queue);
      await deps.boss.offWork(QUEUES.dead);
    },
  };
}
