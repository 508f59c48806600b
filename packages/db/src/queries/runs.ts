import type { AssetType, Stage } from "@adgen/schemas";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";
import { assets, jobAttempts, sessions } from "../schema/index";
import type { SessionRow } from "./sessions";

/*
 * The pipeline's statements on a session's stage, run and plan. Every move is conditioned
 * on the stage (or stages) the caller expects, and a job's moves also on its run id, so a
 * double click starts one job and a stale attempt can neither finish nor fail a newer run.
 * Money columns are not in `RunPatch`: only the ledger (queries/costs.ts) writes them.
 */

export type RunPatch = Partial<
  Pick<
    typeof sessions.$inferInsert,
    | "productPrompt"
    | "videoPrompt"
    | "styleKeywords"
    | "consistencySeed"
    | "lastRequest"
    | "plan"
    | "clipOrder"
    | "finalVideoAssetId"
    | "error"
  >
>;

/**
 * Starts run `runId`: moves the session from one of `from` to the running stage `to`,
 * remembering the stage it left as the one to go back to (unless it left `failed`).
 * With `resumes`, only while `runId` is still the session's current run (a retry).
 * Null when the session was no longer as expected (someone else started first).
 */
export async function startRun(
  db: Database,
  run: {
    sessionId: string;
    runId: string;
    from: readonly Stage[];
    to: Stage;
    patch: RunPatch;
    resumes?: boolean;
  },
): Promise<SessionRow | null> {
  const [row] = await db
    .update(sessions)
    .set({
      ...run.patch,
      error: null,
      stage: run.to,
      currentRunId: run.runId,
      lastGoodStage: sql`case when ${sessions.stage} = 'failed' then ${sessions.lastGoodStage}
        else ${sessions.stage} end`,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(sessions.id, run.sessionId),
        inArray(sessions.stage, [...run.from]),
        run.resumes ? eq(sessions.currentRunId, run.runId) : undefined,
      ),
    )
    .returning();
  return row ?? null;
}

/** One attempt of a job at run `runId` (a row of `job_attempts`). */
export interface AttemptRef {
  sessionId: string;
  runId: string;
  attemptId: string;
}

/**
 * Starts an attempt of run `runId`: if the run is current and in `stage`, the attempt takes
 * it over (an older attempt still running loses it) and gets its row. Null when the run is
 * no longer current there (superseded, cancelled, finished, deleted).
 */
export async function claimRunAttempt(
  db: Database,
  attempt: AttemptRef & { jobId: string; stage: Stage },
): Promise<SessionRow | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(sessions)
      .set({ currentAttemptId: attempt.attemptId })
      .where(
        and(
          eq(sessions.id, attempt.sessionId),
          eq(sessions.currentRunId, attempt.runId),
          eq(sessions.stage, attempt.stage),
        ),
      )
      .returning();
    if (!row) return null;
    const { attemptId: id, sessionId, runId, jobId } = attempt;
    await tx.insert(jobAttempts).values({ id, sessionId, runId, jobId });
    return row;
  });
}

/**
 * Marks the attempt alive (its reservations are not given away while it beats) and tells
 * whether it still owns its run in `stage`.
 */
export async function touchRunAttempt(
  db: Database,
  attempt: AttemptRef & { stage: Stage },
): Promise<boolean> {
  await db
    .update(jobAttempts)
    .set({ aliveAt: sql`now()` })
    .where(eq(jobAttempts.id, attempt.attemptId));
  const [owner] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(
      and(
        eq(sessions.id, attempt.sessionId),
        eq(sessions.currentRunId, attempt.runId),
        eq(sessions.currentAttemptId, attempt.attemptId),
        eq(sessions.stage, attempt.stage),
      ),
    );
  return owner !== undefined;
}

/** How many attempts of pg-boss job `jobId` ended with an error of their own. */
export async function countFailedAttempts(db: Database, jobId: string): Promise<number> {
  const rows = await db
    .select({ id: jobAttempts.id })
    .from(jobAttempts)
    .where(and(eq(jobAttempts.jobId, jobId), eq(jobAttempts.failed, true)));
  return rows.length;
}

/** The session if `runId` is still its current run and it is in `stage`, else null. */
export async function findCurrentRun(
  db: Database,
  sessionId: string,
  runId: string,
  stage: Stage,
): Promise<SessionRow | null> {
  const [row] = await db
    .select()
    .from(sessions)
    .where(
      and(eq(sessions.id, sessionId), eq(sessions.currentRunId, runId), eq(sessions.stage, stage)),
    );
  return row ?? null;
}

/**
 * Ends a stage of run `runId`: moves from `from` to `to` only while the run is current and
 * in `from` (and, given `attemptId`, owned by that attempt: an attempt that lost its run to
 * a newer attempt cannot end it). `lastGood` marks `to` as the stage a later failure goes
 * back to.
 */
export async function moveRunStage(
  db: Database,
  run: {
    sessionId: string;
    runId: string;
    attemptId?: string;
    from: Stage;
    to: Stage;
    lastGood?: boolean;
  },
  patch: RunPatch = {},
): Promise<SessionRow | null> {
  const [row] = await db
    .update(sessions)
    .set({
      ...patch,
      stage: run.to,
      ...(run.lastGood ? { lastGoodStage: run.to } : {}),
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(sessions.id, run.sessionId),
        eq(sessions.currentRunId, run.runId),
        run.attemptId ? eq(sessions.currentAttemptId, run.attemptId) : undefined,
        eq(sessions.stage, run.from),
      ),
    )
    .returning();
  return row ?? null;
}

/**
 * Approves exactly `approvedIds` among the session's assets of `type` and moves the session
 * from `expected` to `to`, in one transaction; false (and nothing changed) when the
 * session was no longer in `expected`.
 */
export async function saveApprovals(
  db: Database,
  approval: {
    sessionId: string;
    type: AssetType;
    approvedIds: string[];
    expected: Stage;
    to: Stage;
    patch?: Pick<RunPatch, "clipOrder">;
  },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const moved = await tx
      .update(sessions)
      .set({ ...approval.patch, stage: approval.to, updatedAt: new Date() })
      .where(and(eq(sessions.id, approval.sessionId), eq(sessions.stage, approval.expected)))
      .returning({ id: sessions.id });
    if (moved.length === 0) return false;
    await tx
      .update(assets)
      .set({ approved: inArray(assets.id, approval.approvedIds) })
      .where(and(eq(assets.sessionId, approval.sessionId), eq(assets.type, approval.type)));
    return true;
  });
}

/** The session's job attempts, oldest first (tests and diagnostics). */
export function listSessionAttempts(db: Database, sessionId: string) {
  return db
    .select()
    .from(jobAttempts)
    .where(eq(jobAttempts.sessionId, sessionId))
    .orderBy(asc(jobAttempts.createdAt));
}
