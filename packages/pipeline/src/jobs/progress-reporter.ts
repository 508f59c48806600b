import type { Stage } from "@adgen/schemas";
import type { PipelineDeps } from "../deps";

/**
 * Publishes a job's progress one event at a time. Units finish in parallel; chaining the
 * writes keeps the log in the order things happened and the percentage never going back.
 */
export function createProgressReporter(
  deps: PipelineDeps,
  sessionId: string,
  stage: Stage,
  /** Once aborted (the attempt lost its run), nothing more is published. */
  signal?: AbortSignal,
) {
  let chain: Promise<unknown> = Promise.resolve();
  let highest = 0;
  return {
    report(progress: number | (() => number), message: string | (() => string)): Promise<void> {
      const next = chain.then(async () => {
        if (signal?.aborted) return;
        highest = Math.max(highest, typeof progress === "function" ? progress() : progress);
        await deps.events.publish(sessionId, {
          stage,
          progress: highest,
          message: typeof message === "function" ? message() : message,
        });
      });
      // A failed write must not block the events after it; the caller still sees its own failure.
      chain = next.catch(() => undefined);
      return next;
    },
    /** Waits for every event queued so far. */
    flush: () => chain.then(() => undefined),
  };
}

export type ProgressReporter = ReturnType<typeof createProgressReporter>;
