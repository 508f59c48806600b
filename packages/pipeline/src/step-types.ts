import type { Provider } from "@adgen/agents";
import type { RunPatch, SessionRow } from "@adgen/db";
import type { ApprovalStepFlow, JobStepFlow, JobStepName, StepName } from "@adgen/schemas";
import type { z } from "zod";
import type { PipelineDeps } from "./deps";

/** One attempt of a job: pg-boss runs it, and again after a crash or a retryable failure. */
export interface JobAttempt {
  /** The step's flow row: the stage the job runs in and the stage it leads to. */
  flow: JobStepFlow;
  sessionId: string;
  runId: string;
  /** The pg-boss job: real failures of its attempts are counted against its failure budget. */
  jobId: string;
  /** pg-boss aborts it when the job's claim is gone (expired, retried elsewhere, shut down). */
  signal: AbortSignal;
  /** The job's heartbeat: an attempt silent for 3/4 of it is presumed dead. */
  heartbeatSeconds: number;
  /** The last claim pg-boss will make: a failure now fails the run. */
  lastClaim: boolean;
}

/**
 * An attempt that claimed its run (`runAttempt`): its own id, and a signal that also aborts
 * when the attempt learns it no longer owns the run (a newer attempt took over, the run was
 * cancelled or replaced, the session deleted). It stops at its next unit and spends nothing.
 */
export interface RunningAttempt extends JobAttempt {
  attemptId: string;
  /** Called when the database says the run is no longer this attempt's. */
  lose(): void;
}

export type JobHandler = (deps: PipelineDeps, attempt: JobAttempt) => Promise<void>;

/**
 * A step that runs as a job: the columns of its row in STEPS beyond its flow. `I` is its
 * input, `F` what `check` finds and the estimate and queued message use.
 */
export interface JobStepColumns<I, F> {
  input: z.ZodType<I>;
  /**
   * The pg-boss queue its jobs go to: every step uses GENERATION_QUEUE, so one limit bounds
   * a worker process and one a user's running jobs, across all steps.
   */
  queue: string;
  /** A job running longer than this is presumed stuck and retried. */
  expireInSeconds: number;
  /** Preconditions beyond the stage (refuses with a PipelineError). */
  check(deps: PipelineDeps, session: SessionRow, input: I): Promise<F>;
  /** What the whole step may cost, checked against the cap before it is queued. */
  estimateMicros(provider: Provider, input: I, found: F): number;
  /** What the request stores on the session, `lastRequest` included (retry repeats it). */
  remember(input: I): RunPatch;
  queuedMessage(input: I, found: F): string;
  run: JobHandler;
}

/** A step that changes the session at once (approvals); `R` is what it answers. */
export interface ApprovalStepColumns<I, R> {
  input: z.ZodType<I>;
  apply(deps: PipelineDeps, session: SessionRow, input: I): Promise<R>;
}

/**
 * A row of STEPS as callers see it: the flow, the queue and handler, and a request that
 * checks the stage and the input and queues the job. Method syntax keeps `JobStep<X>`
 * assignable to `JobStep` for code that treats every step alike (retry, the worker).
 */
export type JobStep<I = unknown> = JobStepFlow & {
  name: JobStepName;
  queue: string;
  expireInSeconds: number;
  run: JobHandler;
  /** With `resumeRun` (retry), the failed run goes on: what it finished is kept. */
  request(
    deps: PipelineDeps,
    session: SessionRow,
    input: I,
    options?: { resumeRun?: string },
  ): Promise<{ jobId: string }>;
};

export type ApprovalStep<I = unknown, R = unknown> = ApprovalStepFlow & {
  name: Exclude<StepName, JobStepName>;
  request(deps: PipelineDeps, session: SessionRow, input: I): Promise<R>;
};
