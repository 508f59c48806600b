import { BatchFailedError, ModelCallError } from "@adgen/agents";
import { findCurrentRun, moveRunStage, type RunPatch, type SessionRow } from "@adgen/db";
import type { JobStepFlow } from "@adgen/schemas";
import type { PipelineDeps } from "../deps";
import { BudgetExceededError } from "../errors";
import { releaseRun } from "../ledger";
import type { JobAttempt } from "../step-types";
import { userFacingError } from "../user-facing-error";
import { createProgressReporter, type ProgressReporter } from "./progress-reporter";

type Run = { sessionId: string; runId: string };

/** Ends a run in `failed` with a reason the user can read, if the run is still running. */
export async function failRun(deps: PipelineDeps, run: Run, flow: JobStepFlow, reason: string) {
  const moved = await moveRunStage(
    deps.db,
    { ...run, from: flow.running, to: "failed" },
    { error: reason },
  );
  if (!moved) return;
  await releaseRun(deps.db, run.sessionId, run.runId);
  await deps.events.publish(run.sessionId, {
    stage: "failed",
    progress: 100,
    message: reason,
    error: reason,
    done: true,
  });
}

/**
 * Whether a failure should end the run now instead of being retried: budget refusals and
 * errors a provider marked as permanent will not change on a second try.
 */
export function isPermanent(error: unknown): boolean {
  if (error instanceof BudgetExceededError) return true;
  if (error instanceof BatchFailedError) return error.summary.causes.every(isPermanent);
  if (error instanceof ModelCallError) return !error.details.retryable;
  return false;
}

/** How a job's work ended: the message users see and what the session keeps. */
export interface JobOutcome {
  message: string;
  patch?: RunPatch;
}

/**
 * One attempt of a job, start to end. It does nothing unless its run is still current in
 * the step's running stage; it releases what a crashed attempt had reserved, runs `work`,
 * and then moves the run to the step's done stage. A failure that retrying cannot change
 * (a budget refusal, a permanent model error) or one on the last attempt fails the run;
 * anything else is rethrown so pg-boss retries it with backoff.
 */
export async function runAttempt(
  deps: PipelineDeps,
  attempt: JobAttempt,
  work: (session: SessionRow, progress: ProgressReporter) => Promise<JobOutcome>,
): Promise<void> {
  const { flow, sessionId, runId } = attempt;
  const session = await findCurrentRun(deps.db, sessionId, runId, flow.running);
  if (!session) return;
  await releaseRun(deps.db, sessionId, runId);
  const progress = createProgressReporter(deps, sessionId, flow.running);
  try {
    const outcome = await work(session, progress);
    await progress.flush();
    const run = { sessionId, runId, from: flow.running, to: flow.done, lastGood: true };
    if (!(await moveRunStage(deps.db, run, outcome.patch))) return;
    await releaseRun(deps.db, sessionId, runId);
    await deps.events.publish(sessionId, {
      stage: flow.done,
      progress: 100,
      message: outcome.message,
      done: true,
    });
  } catch (error) {
    const reason = userFacingError(error, flow.running);
    await progress.flush();
    if (isPermanent(error) || attempt.finalAttempt) {
      await failRun(deps, attempt, flow, reason);
      return;
    }
    await progress.report(5, `Something went wrong (${reason}). Retrying…`);
    throw error;
  }
}
