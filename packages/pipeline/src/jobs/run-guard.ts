import { BatchFailedError, ModelCallError } from "@adgen/agents";
import { and, assets, eq, sessions, type SessionRow } from "@adgen/db";
import type { Stage } from "@adgen/schemas";
import type { PipelineDeps } from "../deps";
import { BudgetExceededError } from "../errors";
import { moveStage } from "../stage-machine";
import { createProgressReporter } from "./progress-reporter";

/** The session if this job's run is still the current one in the expected stage, else null. */
export async function loadCurrentRun(
  deps: PipelineDeps,
  sessionId: string,
  runId: string,
  stage: Stage,
): Promise<SessionRow | null> {
  const [session] = await deps.db.select().from(sessions).where(eq(sessions.id, sessionId));
  if (!session || session.stage !== stage || session.currentRunId !== runId) return null;
  return session;
}

/** Ends a run in `failed` with a reason the user can read; the user retries from the last good stage. */
export async function failRun(deps: PipelineDeps, sessionId: string, runId: string, stage: Stage, reason: string) {
  const moved = await moveStage(deps.db, sessionId, [stage], "failed", { error: reason, reservedMicros: 0 });
  if (!moved || moved.currentRunId !== runId) return;
  await deps.events.publish(sessionId, { stage: "failed", progress: 100, message: reason, error: reason, done: true });
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

/**
 * Starts an attempt of a job: the session if the run is still current (else null, and the
 * job does nothing), with reservations a crashed attempt left behind cleared and a
 * progress reporter for this stage.
 */
export async function beginAttempt(deps: PipelineDeps, data: { sessionId: string; runId: string }, stage: Stage) {
  const session = await loadCurrentRun(deps, data.sessionId, data.runId, stage);
  if (!session) return null;
  await deps.db.update(sessions).set({ reservedMicros: 0 }).where(eq(sessions.id, data.sessionId));
  return { session, progress: createProgressReporter(deps, data.sessionId, stage) };
}

/** Work keys of the session's assets of one type: the units a retried job skips. */
export async function doneWorkKeys(deps: PipelineDeps, sessionId: string, type: "image" | "video") {
  const rows = await deps.db
    .select({ workKey: assets.workKey })
    .from(assets)
    .where(and(eq(assets.sessionId, sessionId), eq(assets.type, type)));
  return new Set(rows.map((r) => r.workKey));
}

/** Ends a successful attempt: moves to the next stage and tells followers, if the run is still current. */
export async function completeRun(
  deps: PipelineDeps,
  data: { sessionId: string; runId: string },
  from: Stage,
  to: Stage,
  message: string,
  patch: Partial<typeof sessions.$inferInsert> = {},
) {
  const moved = await moveStage(deps.db, data.sessionId, [from], to, { lastGoodStage: to, reservedMicros: 0, ...patch });
  if (moved?.currentRunId === data.runId) {
    await deps.events.publish(data.sessionId, { stage: to, progress: 100, message, done: true });
  }
}

/**
 * Ends a failed attempt. A failure that retrying cannot change (a budget refusal, a
 * permanent model error) or the last attempt fails the run; anything else is rethrown so
 * pg-boss retries it with backoff.
 */
export async function settleFailedAttempt(
  deps: PipelineDeps,
  data: { sessionId: string; runId: string },
  stage: Stage,
  progress: { flush: () => Promise<void>; report: (p: number, m: string) => Promise<void> },
  error: unknown,
  reason: string,
  finalAttempt: boolean,
): Promise<void> {
  await progress.flush();
  if (isPermanent(error) || finalAttempt) {
    await failRun(deps, data.sessionId, data.runId, stage, reason);
    return;
  }
  await progress.report(5, `Something went wrong (${reason}). Retrying…`);
  throw error;
}
