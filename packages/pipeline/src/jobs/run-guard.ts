import { randomUUID } from "node:crypto";
import { BatchFailedError, ModelCallError } from "@adgen/agents";
import {
  claimRunAttempt,
  countFailedAttempts,
  endAttempt,
  moveRunStage,
  type RunPatch,
  type SessionRow,
} from "@adgen/db";
import type { JobStepFlow } from "@adgen/schemas";
import type { PipelineDeps } from "../deps";
import { BudgetExceededError } from "../errors";
import { reclaimDeadReservations, RunLostError } from "../ledger";
import type { JobAttempt, RunningAttempt } from "../step-types";
import { userFacingError } from "../user-facing-error";
import { keepAttemptAlive } from "./attempt-lease";
import { createProgressReporter, type ProgressReporter } from "./progress-reporter";

/**
 * Real failures a job may have before its run fails: 1 + 3 retries. Crashes and lost
 * heartbeats are not failures of the job and do not count (pg-boss's larger retry limit,
 * in queue.ts, bounds those).
 */
export const FAILED_ATTEMPTS_LIMIT = 4;

type Run = { sessionId: string; runId: string; attemptId?: string };

/**
 * Ends a run in `failed` with a reason the user can read, if the run is still running (and,
 * given an attempt, still that attempt's); gives back what dead attempts held.
 */
export async function failRun(
  deps: PipelineDeps,
  run: Run & { heartbeatSeconds: number },
  flow: JobStepFlow,
  reason: string,
) {
  const moved = await moveRunStage(
    deps.db,
    { ...run, from: flow.running, to: "failed" },
    { error: reason },
  );
  if (!moved) return;
  if (run.attemptId) {
    await endAttempt(deps.db, { ...run, attemptId: run.attemptId, failed: true });
  }
  await reclaimDeadReservations(deps, run.sessionId, run.heartbeatSeconds);
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
 * the step's running stage; it then takes the run over (an older attempt still running
 * loses it and stops at its next unit), takes back what dead attempts reserved, runs
 * `work`, and moves the run to the step's done stage, unless it lost the run meanwhile.
 * A failure that retrying cannot change (a budget refusal, a permanent model error), or
 * the job's last allowed real failure, fails the run; any other is rethrown so pg-boss
 * retries it with backoff. An attempt that lost its run just stops: the run is not its own.
 */
export async function runAttempt(
  deps: PipelineDeps,
  job: JobAttempt,
  work: (
    session: SessionRow,
    progress: ProgressReporter,
    attempt: RunningAttempt,
  ) => Promise<JobOutcome>,
): Promise<void> {
  const { flow, sessionId, runId } = job;
  const attemptId = randomUUID();
  const claim = { sessionId, runId, attemptId, jobId: job.jobId, stage: flow.running };
  const session = await claimRunAttempt(deps.db, claim);
  if (!session) return;
  const owner = new AbortController();
  const attempt: RunningAttempt = {
    ...job,
    attemptId,
    signal: AbortSignal.any([job.signal, owner.signal]),
    lose: () => owner.abort(new RunLostError()),
  };
  const lease = keepAttemptAlive(deps, attempt);
  let failed = false;
  try {
    await reclaimDeadReservations(deps, sessionId, job.heartbeatSeconds, attemptId);
    const progress = createProgressReporter(deps, sessionId, flow.running, attempt.signal);
    try {
      const outcome = await work(session, progress, attempt);
      await progress.flush();
      if (attempt.signal.aborted) return;
      const run = { ...claim, from: flow.running, to: flow.done, lastGood: true };
      if (!(await moveRunStage(deps.db, run, outcome.patch))) return;
      await endAttempt(deps.db, { sessionId, attemptId, failed });
      await reclaimDeadReservations(deps, sessionId, job.heartbeatSeconds);
      await deps.events.publish(sessionId, {
        stage: flow.done,
        progress: 100,
        message: outcome.message,
        done: true,
      });
    } catch (error) {
      await progress.flush();
      if (attempt.signal.aborted || error instanceof RunLostError) return;
      failed = true;
      await endAttempt(deps.db, { sessionId, attemptId, failed });
      const reason = userFacingError(error, flow.running);
      const failures = await countFailedAttempts(deps.db, job.jobId);
      if (isPermanent(error) || failures >= FAILED_ATTEMPTS_LIMIT || job.lastClaim) {
        await failRun(deps, attempt, flow, reason);
        return;
      }
      await progress.report(5, `Something went wrong (${reason}). Retrying…`);
      throw error;
    }
  } finally {
    lease.stop();
    // Whatever the attempt still holds goes back once it is over (a no-op when it ended above).
    await endAttempt(deps.db, { sessionId, attemptId, failed }).catch(() => undefined);
  }
}

/** A session that vanished (deleted) takes its runs with it: the attempt has lost its run. */
export function requireSession(session: SessionRow | null): SessionRow {
  if (!session) throw new RunLostError();
  return session;
}
