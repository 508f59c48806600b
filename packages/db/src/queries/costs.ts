import type { Stage } from "@adgen/schemas";
import { and, asc, eq, gt, inArray, isNotNull, lt, ne, or, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Database } from "../client";
import { assets, generationCosts, jobAttempts, sessions } from "../schema/index";
import type { AttemptRef, RunPatch } from "./runs";

export type CostRow = typeof generationCosts.$inferSelect;

/** A session's cost lines in the order they were recorded. */
export function listSessionCosts(db: Database, sessionId: string) {
  return db
    .select()
    .from(generationCosts)
    .where(eq(generationCosts.sessionId, sessionId))
    .orderBy(asc(generationCosts.createdAt), asc(generationCosts.id));
}

/*
 * The ledger's statements (packages/pipeline/src/ledger is their only caller). They are the
 * only writes of `sessions.reserved_micros`, `sessions.total_cost_micros`,
 * `job_attempts.reserved_micros` and `generation_costs`. Money is reserved per attempt:
 * `sessions.reserved_micros` is the sum of its attempts' reservations, and an attempt gives
 * back at most what it holds, so no attempt can release another's money. Every transaction
 * locks the session row before an attempt row, so two of them cannot deadlock.
 */

/** One model call's line in the ledger, and what its attempt reserved for it (released now). */
export interface NewCostLine {
  sessionId: string;
  stage: Stage;
  agent: string;
  model: string;
  costMicros: number;
  durationMs: number;
  success: boolean;
  error?: string | null;
  workKey?: string | null;
  /** The attempt that reserved `reservedMicros` for the call. */
  attemptId: string;
  reservedMicros: number;
}

/** Who is about to make a call: its line is written `pending` before the call. */
export type PendingCostLine = Pick<NewCostLine, "stage" | "agent" | "model" | "workKey">;

export type NewAsset = typeof assets.$inferInsert;
type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** What asking for money found: set aside, over the cap, or the attempt no longer owns its run. */
export type Reservation = "reserved" | "over_budget" | "run_lost";

/**
 * Sets `micros` aside for a call attempt `attempt` is about to make, if the attempt still
 * owns the session's current run and the spending cap allows it. One conditional update,
 * so calls running in parallel cannot pass the cap together.
 */
export async function reserveSessionBudget(
  db: Database,
  attempt: AttemptRef,
  micros: number,
  /**
   * The call's line, written `pending` in the same transaction: from now on a kill cannot
   * lose the call (a dead attempt's pending lines become `interrupted`, charged at estimate).
   */
  pending?: PendingCostLine,
): Promise<Reservation> {
  const owns = and(
    eq(sessions.id, attempt.sessionId),
    eq(sessions.currentRunId, attempt.runId),
    eq(sessions.currentAttemptId, attempt.attemptId),
  );
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(sessions)
      .set({ reservedMicros: sql`${sessions.reservedMicros} + ${micros}` })
      .where(
        and(
          owns,
          sql`${sessions.totalCostMicros} + ${sessions.reservedMicros} + ${micros}
            <= ${sessions.budgetMicros}`,
        ),
      )
      .returning({ id: sessions.id });
    if (rows.length > 0) {
      await tx
        .update(jobAttempts)
        .set({ reservedMicros: sql`${jobAttempts.reservedMicros} + ${micros}` })
        .where(eq(jobAttempts.id, attempt.attemptId));
      if (pending) await insertPendingIn(tx, attempt, pending, micros);
      return "reserved";
    }
    const [owner] = await tx.select({ id: sessions.id }).from(sessions).where(owns);
    return owner ? "over_budget" : "run_lost";
  });
}

async function lockSession(tx: Tx, sessionId: string) {
  const [row] = await tx
    .select({ currentRunId: sessions.currentRunId, stage: sessions.stage })
    .from(sessions)
    .where(eq(sessions.id, sessionId))
    .for("update");
  return row ?? null;
}

/** Gives back up to `micros` of what `attemptId` reserved; returns what was given back. */
async function releaseIn(tx: Tx, attemptId: string, micros: number): Promise<number> {
  if (micros <= 0) return 0;
  const [held] = await tx
    .select({ reserved: jobAttempts.reservedMicros })
    .from(jobAttempts)
    .where(eq(jobAttempts.id, attemptId))
    .for("update");
  const amount = Math.min(held?.reserved ?? 0, micros);
  if (amount === 0) return 0;
  await tx
    .update(jobAttempts)
    .set({ reservedMicros: sql`${jobAttempts.reservedMicros} - ${amount}` })
    .where(eq(jobAttempts.id, attemptId));
  return amount;
}

/** Adds `costMicros` to the total and takes `releasedMicros` off the session's reservations. */
async function settleSession(
  tx: Tx,
  sessionId: string,
  costMicros: number,
  releasedMicros: number,
) {
  if (costMicros === 0 && releasedMicros === 0) return;
  await tx
    .update(sessions)
    .set({
      totalCostMicros: sql`${sessions.totalCostMicros} + ${costMicros}`,
      reservedMicros: sql`${sessions.reservedMicros} - ${releasedMicros}`,
    })
    .where(eq(sessions.id, sessionId));
}

async function insertPendingIn(
  tx: Tx,
  attempt: AttemptRef,
  line: PendingCostLine,
  estimateMicros: number,
) {
  await tx.insert(generationCosts).values({
    ...line,
    sessionId: attempt.sessionId,
    attemptId: attempt.attemptId,
    costMicros: 0,
    durationMs: 0,
    success: false,
    status: "pending",
    estimateMicros,
  });
}

/** Writes a call's line outside a reservation (a call reserved with its unit's first call). */
export async function openCostLine(db: Database, attempt: AttemptRef, line: PendingCostLine) {
  await db.transaction(async (tx) => {
    if (await lockSession(tx, attempt.sessionId)) await insertPendingIn(tx, attempt, line, 0);
  });
}

function statusOf(line: { success: boolean; error?: string | null }) {
  if (!line.success) return "failed" as const;
  return line.error ? ("not_kept" as const) : ("charged" as const);
}

/** The lines of one call: the same session, attempt, agent and work key. */
function sameCall(call: {
  sessionId: string;
  attemptId: string;
  agent: string;
  workKey?: string | null;
}) {
  return and(
    eq(generationCosts.sessionId, call.sessionId),
    eq(generationCosts.attemptId, call.attemptId),
    eq(generationCosts.agent, call.agent),
    call.workKey
      ? eq(generationCosts.workKey, call.workKey)
      : sql`${generationCosts.workKey} is null`,
  );
}

/** The pending line written before `line`'s call by the same attempt, locked. */
async function findPendingIn(tx: Tx, line: NewCostLine) {
  const [row] = await tx
    .select({ id: generationCosts.id })
    .from(generationCosts)
    .where(and(sameCall(line), eq(generationCosts.status, "pending")))
    .orderBy(asc(generationCosts.createdAt))
    .limit(1)
    .for("update");
  return row ?? null;
}

/**
 * Writes a finished call's line: its pending line becomes the final one (one line per call),
 * or a new line when there was none. `as` changes what is written (a not-kept line's work
 * key); the pending line is found by `line`'s own key. False, writing nothing, when the
 * unit's one successful charge already exists (the session row is locked, so this holds).
 */
async function insertCostLineIn(
  tx: Tx,
  line: NewCostLine,
  as: Partial<Pick<NewCostLine, "workKey" | "error">> = {},
): Promise<boolean> {
  const { reservedMicros, attemptId, ...rest } = line;
  const values = { ...rest, ...as, attemptId, status: statusOf({ ...rest, ...as }) };
  if (values.success && values.workKey) {
    const [charged] = await tx
      .select({ id: generationCosts.id })
      .from(generationCosts)
      .where(
        and(
          eq(generationCosts.sessionId, line.sessionId),
          eq(generationCosts.workKey, values.workKey),
          eq(generationCosts.success, true),
        ),
      );
    if (charged) return false;
  }
  const pending = await findPendingIn(tx, line);
  if (pending) {
    await tx.update(generationCosts).set(values).where(eq(generationCosts.id, pending.id));
  } else {
    await tx.insert(generationCosts).values({ ...values, estimateMicros: reservedMicros });
  }
  const released = await releaseIn(tx, attemptId, reservedMicros);
  await settleSession(tx, line.sessionId, line.costMicros, released);
  return true;
}

export const INTERRUPTED =
  "Interrupted: its worker stopped during the call; charged at its estimate until its provider says what it billed.";

/**
 * Turns the pending lines of dead attempts into `interrupted` lines charged at their
 * estimate: the call may have been paid (a kill just after it returned), so its money is
 * spent, not given back, until `settleInterruptedLine` puts what the provider billed in its
 * place. Returns what they charge.
 */
async function interruptPendingIn(tx: Tx, attemptIds: string[]): Promise<number> {
  if (attemptIds.length === 0) return 0;
  const rows = await tx
    .update(generationCosts)
    .set({
      status: "interrupted",
      costMicros: sql`${generationCosts.estimateMicros}`,
      success: false,
      error: INTERRUPTED,
    })
    .where(
      and(inArray(generationCosts.attemptId, attemptIds), eq(generationCosts.status, "pending")),
    )
    .returning({ costMicros: generationCosts.costMicros });
  return rows.reduce((sum, r) => sum + r.costMicros, 0);
}

export const INTERRUPTED_SETTLED =
  "Interrupted: its worker stopped during the call; charged what the provider billed for it.";

/**
 * Notes on a call's line a billable thing the call started (`CallOptions.onBillable`). The
 * line is the attempt's pending one for the call, or, if the attempt was already taken for
 * dead, its unsettled interrupted one; a line already final needs none.
 */
export async function addBillingRef(
  db: Database,
  attempt: Pick<AttemptRef, "sessionId" | "attemptId">,
  line: Pick<PendingCostLine, "agent" | "workKey">,
  ref: string,
): Promise<void> {
  await db
    .update(generationCosts)
    .set({ billingRefs: sql`${generationCosts.billingRefs} || jsonb_build_array(${ref}::text)` })
    .where(
      and(
        sameCall({
          sessionId: attempt.sessionId,
          attemptId: attempt.attemptId,
          agent: line.agent,
          workKey: line.workKey,
        }),
        or(
          eq(generationCosts.status, "pending"),
          and(eq(generationCosts.status, "interrupted"), sql`${generationCosts.settledAt} is null`),
        ),
      ),
    );
}

/**
 * Interrupted lines still charged at their estimate whose provider can be asked what they
 * really cost (they hold billing references); for one session, or every session. A line
 * older than a day is left at its estimate.
 */
export function listUnsettledInterrupted(db: Database, sessionId?: string, limit = 100) {
  return db
    .select({
      id: generationCosts.id,
      sessionId: generationCosts.sessionId,
      billingRefs: generationCosts.billingRefs,
    })
    .from(generationCosts)
    .where(
      and(
        sessionId ? eq(generationCosts.sessionId, sessionId) : undefined,
        eq(generationCosts.status, "interrupted"),
        sql`${generationCosts.settledAt} is null`,
        sql`jsonb_array_length(${generationCosts.billingRefs}) > 0`,
        sql`${generationCosts.createdAt} > now() - interval '1 day'`,
      ),
    )
    .orderBy(asc(generationCosts.createdAt))
    .limit(limit);
}

/**
 * Replaces an interrupted line's estimate with what its provider billed, and the session's
 * total with it; once only. Returns the change to the total (negative when the estimate was
 * more), or null when the line was already settled or is gone.
 */
export async function settleInterruptedLine(
  db: Database,
  line: { id: string; sessionId: string },
  billedMicros: number,
): Promise<number | null> {
  return db.transaction(async (tx) => {
    if (!(await lockSession(tx, line.sessionId))) return null;
    const [row] = await tx
      .select({ costMicros: generationCosts.costMicros })
      .from(generationCosts)
      .where(
        and(
          eq(generationCosts.id, line.id),
          eq(generationCosts.status, "interrupted"),
          sql`${generationCosts.settledAt} is null`,
        ),
      )
      .for("update");
    if (!row) return null;
    await tx
      .update(generationCosts)
      .set({ costMicros: billedMicros, settledAt: sql`now()`, error: INTERRUPTED_SETTLED })
      .where(eq(generationCosts.id, line.id));
    const change = billedMicros - row.costMicros;
    await settleSession(tx, line.sessionId, change, 0);
    return change;
  });
}

/**
 * The line of a paid call whose output is not kept (another attempt stored the unit first,
 * the run was replaced, or a later call of the unit failed). It was paid, so it is charged;
 * its work key gets a suffix so it is not taken for the unit's one successful charge.
 */
async function insertUnkeptLineIn(tx: Tx, line: NewCostLine, why: string): Promise<void> {
  const workKey = line.workKey ? `${line.workKey}#${randomUUID()}` : null;
  await insertCostLineIn(tx, line, { workKey, error: why });
}

/** Records a call that produced no asset, adds its cost and releases its reservation. */
export async function recordCostLine(db: Database, line: NewCostLine): Promise<void> {
  await db.transaction(async (tx) => {
    // A deleted session has no row to charge: its lines went with it.
    if (await lockSession(tx, line.sessionId)) await insertCostLineIn(tx, line);
  });
}

/** Records a paid call whose output is thrown away, saying why. */
export async function recordUnkeptCall(db: Database, line: NewCostLine, why: string) {
  await db.transaction(async (tx) => {
    if (await lockSession(tx, line.sessionId)) await insertUnkeptLineIn(tx, line, why);
  });
}

/** How committing a unit of work ended. */
export type UnitCommit =
  { status: "stored"; row: typeof assets.$inferSelect } | { status: "duplicate" | "run_lost" };

export const UNKEPT = {
  duplicate: "Not kept: another attempt stored this unit first.",
  run_lost: "Not kept: the run it was made for had been replaced or ended.",
} as const;

/** Whether run `run.runId` is still the session's current run, in its running stage. */
function isRunning(session: { currentRunId: string | null; stage: Stage } | null, run: RunRef) {
  return session?.currentRunId === run.runId && session.stage === run.stage;
}

/** A run in the stage its job runs in. */
export interface RunRef {
  runId: string;
  stage: Stage;
}

/**
 * Stores a finished unit of work of run `run` and its cost lines in one transaction, while
 * the run is current and running. A unit already stored (another attempt won) or a run no
 * longer running stores nothing, but the calls were paid: their lines are recorded as not
 * kept.
 */
export async function commitAssetWithCosts(
  db: Database,
  run: RunRef,
  asset: NewAsset,
  lines: NewCostLine[],
): Promise<UnitCommit> {
  return db.transaction(async (tx): Promise<UnitCommit> => {
    const session = await lockSession(tx, asset.sessionId);
    let status: "duplicate" | "run_lost" = "run_lost";
    if (isRunning(session, run)) {
      const [row] = await tx.insert(assets).values(asset).onConflictDoNothing().returning();
      if (row) {
        for (const line of lines) await insertCostLineIn(tx, line);
        return { status: "stored", row };
      }
      status = "duplicate";
    }
    // A deleted session has no row to charge: its lines go with it.
    if (session) for (const line of lines) await insertUnkeptLineIn(tx, line, UNKEPT[status]);
    return { status };
  });
}

/**
 * Saves what a run's agent planned (the parsed prompt, the scene plan) with the cost line
 * of the call that planned it (the line's stage is the run's running stage), in one
 * transaction: a crash cannot leave one without the
 * other, so a retried attempt either finds the plan or plans (and pays) again cleanly.
 * Not saved when the run is no longer current or another attempt saved its plan first;
 * the call is still recorded, as not kept.
 */
export async function commitPlanWithCost(
  db: Database,
  runId: string,
  patch: Pick<RunPatch, "plan" | "consistencySeed" | "styleKeywords">,
  line: NewCostLine,
): Promise<"saved" | "duplicate" | "run_lost"> {
  return db.transaction(async (tx) => {
    const session = await lockSession(tx, line.sessionId);
    if (!session) return "run_lost";
    if (!isRunning(session, { runId, stage: line.stage })) {
      await insertUnkeptLineIn(tx, line, UNKEPT.run_lost);
      return "run_lost";
    }
    if (!(await insertCostLineIn(tx, line))) {
      await insertUnkeptLineIn(tx, line, UNKEPT.duplicate);
      return "duplicate";
    }
    await tx.update(sessions).set(patch).where(eq(sessions.id, line.sessionId));
    return "saved";
  });
}

/**
 * Gives back what attempt `attemptId` still holds and marks it ended (`failed` when it
 * ended by an error of its own).
 */
export async function endAttempt(
  db: Database,
  attempt: { sessionId: string; attemptId: string; failed: boolean },
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockSession(tx, attempt.sessionId);
    // A call whose outcome was never written (its unit died between call and commit).
    const charged = await interruptPendingIn(tx, [attempt.attemptId]);
    const released = await releaseIn(tx, attempt.attemptId, Number.MAX_SAFE_INTEGER);
    await tx
      .update(jobAttempts)
      .set({ endedAt: sql`now()`, failed: attempt.failed })
      .where(eq(jobAttempts.id, attempt.attemptId));
    await settleSession(tx, attempt.sessionId, charged, released);
  });
}

/**
 * Gives back the reservations of the session's attempts known to be dead: ended, or not
 * heard from for `leaseSeconds` (their process was killed). A live attempt keeps what it
 * holds for its calls in flight, even if pg-boss already started another attempt.
 */
export async function releaseDeadAttempts(
  db: Database,
  sessionId: string,
  leaseSeconds: number,
  /** The caller's own attempt: alive by definition, whatever its lease says. */
  exceptAttemptId?: string,
): Promise<number> {
  return db.transaction(async (tx) => {
    await lockSession(tx, sessionId);
    const dead = await tx
      .select({ id: jobAttempts.id, reserved: jobAttempts.reservedMicros })
      .from(jobAttempts)
      .where(
        and(
          eq(jobAttempts.sessionId, sessionId),
          or(
            gt(jobAttempts.reservedMicros, 0),
            sql`exists (select 1 from "generation_costs" c
              where c."attempt_id" = "job_attempts"."id" and c."status" = 'pending')`,
          ),
          exceptAttemptId ? ne(jobAttempts.id, exceptAttemptId) : undefined,
          or(
            isNotNull(jobAttempts.endedAt),
            lt(jobAttempts.aliveAt, sql`now() - make_interval(secs => ${leaseSeconds})`),
          ),
        ),
      )
      .for("update");
    // Their calls in flight were perhaps paid: charged at estimate, the rest given back.
    const charged = await interruptPendingIn(
      tx,
      dead.map((a) => a.id),
    );
    let released = 0;
    for (const attempt of dead) released += await releaseIn(tx, attempt.id, attempt.reserved);
    await settleSession(tx, sessionId, charged, released);
    return released;
  });
}
