import { ModelCallError, type CallOptions, type ModelCall } from "@adgen/agents";
import {
  addBillingRef,
  findSessionById,
  openCostLine,
  recordCostLine,
  recordUnkeptCall,
  releaseDeadAttempts,
  reserveSessionBudget,
  type Database,
} from "@adgen/db";
import { microsToUsd, usdToMicros, type Stage } from "@adgen/schemas";
import type { PipelineDeps } from "../deps";
import { BudgetExceededError } from "../errors";
import type { RunningAttempt } from "../step-types";
import { userFacingError } from "../user-facing-error";
import { settleInterruptedCalls } from "./settle-interrupted";

/*
 * Money for single calls: reserve before a paid call, then charge it or release the
 * reservation, and record failed calls too (index.ts says what the ledger is).
 */

/** What the ledger's calls need: the database, and the provider for settling interrupted calls. */
export type LedgerDeps = Pick<PipelineDeps, "db" | "provider">;

/** Who made a model call, for its cost line. */
export interface CallLine {
  sessionId: string;
  stage: Stage;
  agent: string;
  /** The model asked for; the line names the one that answered when it is known. */
  model: string;
  /** One charge per unit of work: a retried unit is not charged again. */
  workKey: string;
}

/** What a finished call cost (a `ModelCall` is one). */
export interface Billed {
  model: string;
  costUsd: number;
  durationMs: number;
}

/** The attempt spending the money: its run, its reservations, its stop signal. */
export type Spender = Pick<RunningAttempt, "sessionId" | "runId" | "attemptId" | "signal" | "lose">;

/**
 * Thrown at the next unit of an attempt that no longer owns its run: it stops, makes no
 * further call and fails nothing (the run is someone else's now).
 */
export class RunLostError extends Error {
  constructor() {
    super("This attempt no longer owns its run.");
    this.name = "RunLostError";
  }
}

/** Errors whose calls the ledger already recorded: `recordFailedCall` skips them. */
const recorded = new WeakSet<object>();

export function markRecorded(error: unknown) {
  if (typeof error === "object" && error !== null) recorded.add(error);
}

/** A call's estimate in micro-dollars; free models (the local provider) have none. */
export function callMicros(
  model: { estimateCostUsd?: (req: { durationSec?: number }) => number },
  durationSec?: number,
): number {
  return usdToMicros(model.estimateCostUsd?.({ durationSec }) ?? 0);
}

/** The exact line for a call that succeeded: money in micro-dollars, time in whole ms. */
export function successLine(
  line: CallLine,
  attemptId: string,
  reservedMicros: number,
  billed: Billed,
) {
  return {
    ...line,
    model: billed.model,
    costMicros: usdToMicros(billed.costUsd),
    durationMs: Math.round(billed.durationMs),
    success: true,
    attemptId,
    reservedMicros,
  };
}

/**
 * Sets money aside for a call about to be made, refused before anything is spent when it
 * would pass the session's cap, or when the attempt no longer owns its run (it then stops:
 * this is where a stale attempt stops, at its next unit). Money reserved for calls still
 * running counts as spent; what dead attempts held is taken back before refusing.
 */
export async function reserve(
  deps: LedgerDeps,
  attempt: Spender & { heartbeatSeconds: number },
  micros: number,
  /** The call's line, written `pending` with the reservation (see `paidCall`). */
  line?: CallLine,
): Promise<void> {
  const { db } = deps;
  if (attempt.signal.aborted) throw new RunLostError();
  let answer = await reserveSessionBudget(db, attempt, micros, line);
  if (answer === "over_budget") {
    const { sessionId, heartbeatSeconds, attemptId } = attempt;
    await reclaimDeadReservations(deps, sessionId, heartbeatSeconds, attemptId);
    answer = await reserveSessionBudget(db, attempt, micros, line);
  }
  if (answer === "reserved") return;
  if (answer === "run_lost") {
    attempt.lose();
    throw new RunLostError();
  }
  const session = await findSessionById(db, attempt.sessionId);
  if (!session) throw new Error(`session ${attempt.sessionId} disappeared`);
  throw new BudgetExceededError(
    microsToUsd(session.totalCostMicros + session.reservedMicros),
    microsToUsd(micros),
    microsToUsd(session.budgetMicros),
  );
}

/** Checks a whole step's estimate before it is queued (nothing is reserved yet). */
export async function assertWithinBudget(db: Database, sessionId: string, micros: number) {
  const session = await findSessionById(db, sessionId);
  if (!session) throw new Error(`session ${sessionId} disappeared`);
  if (session.totalCostMicros + micros > session.budgetMicros) {
    throw new BudgetExceededError(
      microsToUsd(session.totalCostMicros),
      microsToUsd(micros),
      microsToUsd(session.budgetMicros),
    );
  }
}

/**
 * Takes back what the session's dead attempts reserved: ended ones, and those silent for
 * three quarters of a heartbeat. An attempt refreshes its lease four times a heartbeat, so
 * a live one is taken for dead only after missing two beats in a row; pg-boss starts a job
 * again only after a whole heartbeat of silence, so a killed attempt is past its lease by
 * the time the new attempt ends its run, which sweeps again. `self`, the caller, is never
 * taken for dead. Their calls cut short are then settled at what the provider billed.
 */
export async function reclaimDeadReservations(
  deps: LedgerDeps,
  sessionId: string,
  heartbeatSeconds: number,
  self?: string,
) {
  await releaseDeadAttempts(deps.db, sessionId, (heartbeatSeconds * 3) / 4, self);
  await settleInterruptedCalls(deps, sessionId);
}

/**
 * A failed call still gets its cost line (it may have been billed) and its reservation back;
 * a refusal (budget, lost run) made no call and has no line.
 */
export async function recordFailedCall(
  db: Database,
  attempt: Pick<Spender, "attemptId">,
  line: CallLine,
  reservedMicros: number,
  error: unknown,
) {
  if (error instanceof BudgetExceededError || error instanceof RunLostError) return;
  if (typeof error === "object" && error !== null && recorded.has(error)) return;
  const details = error instanceof ModelCallError ? error.details : null;
  await recordCostLine(db, {
    ...line,
    model: details?.model ?? line.model,
    costMicros: usdToMicros(details?.costUsd ?? 0),
    durationMs: Math.round(details?.durationMs ?? 0),
    success: false,
    error: userFacingError(error, line.stage),
    attemptId: attempt.attemptId,
    reservedMicros,
  });
}

/** Records a call that was paid but whose output is thrown away, saying why. */
export async function recordUnkept(
  db: Database,
  attempt: Pick<Spender, "attemptId">,
  line: CallLine,
  reservedMicros: number,
  billed: Billed,
  why: string,
) {
  await recordUnkeptCall(db, successLine(line, attempt.attemptId, reservedMicros, billed), why);
}

/**
 * Writes the pending line of a call whose money its unit's first call already reserved
 * (a clip's analysis), just before the call.
 */
export async function openCall(db: Database, attempt: Spender, line: CallLine) {
  await openCostLine(db, attempt, line);
}

/**
 * The `onBillable` of a call on `line`: what the provider starts is noted on the call's
 * line, so that if this worker dies the next attempt can settle the line at its real cost.
 * A note that cannot be written leaves the line at its estimate; the call goes on.
 */
export function billingRecorder(
  db: Database,
  attempt: Pick<Spender, "sessionId" | "attemptId">,
  line: Pick<CallLine, "agent" | "workKey">,
): NonNullable<CallOptions["onBillable"]> {
  return async (ref) => {
    await addBillingRef(db, attempt, line, ref).catch((error: unknown) => {
      console.error(`[ledger] could not note a billing reference for ${line.workKey}:`, error);
    });
  };
}

/**
 * One model call under the spending cap: its estimate is reserved first, with the call's
 * line written `pending`, so a worker killed after the call returned still leaves the call
 * on the ledger (the next attempt charges it, `interrupted`, at its estimate, then at what
 * the provider says it billed); the charge or failure later turns that same line into the
 * final one. A failure is recorded. The call gets the attempt's signal, so a lost attempt
 * cancels what it can, and a billing recorder. The caller charges the success, alone
 * (`commitPlan`) or with its asset (`commitUnit`).
 */
export async function paidCall<T>(
  deps: LedgerDeps,
  attempt: Spender & { heartbeatSeconds: number },
  line: CallLine,
  reservedMicros: number,
  call: (options: Required<CallOptions>) => Promise<ModelCall<T>>,
): Promise<ModelCall<T>> {
  await reserve(deps, attempt, reservedMicros, line);
  try {
    return await call({
      signal: attempt.signal,
      onBillable: billingRecorder(deps.db, attempt, line),
    });
  } catch (error) {
    await recordFailedCall(deps.db, attempt, line, reservedMicros, error);
    throw error;
  }
}
