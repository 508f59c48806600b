import type { AssetType, Stage } from "@adgen/schemas";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";
import { assets, sessions } from "../schema/index";
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
 * in `from`. `lastGood` marks `to` as the stage a later failure goes back to.
 */
export async function moveRunStage(
  db: Database,
  run: { sessionId: string; runId: string; from: Stage; to: Stage; lastGood?: boolean },
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
        eq(sessions.stage, run.from),
      ),
    )
    .returning();
  return row ?? null;
}

/** Stores what a run's agents planned (prompt, scenes), if the run is still current. */
export async function saveRunPlan(
  db: Database,
  sessionId: string,
  runId: string,
  patch: Pick<RunPatch, "plan" | "consistencySeed" | "styleKeywords">,
): Promise<boolean> {
  const rows = await db
    .update(sessions)
    .set(patch)
    .where(and(eq(sessions.id, sessionId), eq(sessions.currentRunId, runId)))
    .returning({ id: sessions.id });
  return rows.length > 0;
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
