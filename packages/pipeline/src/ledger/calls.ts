import { ModelCallError, type ModelCall } from "@adgen/agents";
import {
  clearRunReservations,
  findSessionById,
  recordCostLine,
  reserveSessionBudget,
  type Database,
} from "@adgen/db";
import { microsToUsd, usdToMicros, type Stage } from "@adgen/schemas";
import { BudgetExceededError } from "../errors";
import { userFacingError } from "../user-facing-error";

/*
 * Money for single calls: reserve before a paid call, then charge it or release the
 * reservation, and record failed calls too (index.ts says what the ledger is).
 */

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

/** A call's estimate in micro-dollars; free models (the local provider) have none. */
export function callMicros(
  model: { estimateCostUsd?: (req: { durationSec?: number }) => number },
  durationSec?: number,
): number {
  return usdToMicros(model.estimateCostUsd?.({ durationSec }) ?? 0);
}

/** The exact line for a call that succeeded: money in micro-dollars, time in whole ms. */
export function successLine(line: CallLine, reservedMicros: number, billed: Billed) {
  return {
    ...line,
    model: billed.model,
    costMicros: usdToMicros(billed.costUsd),
    durationMs: Math.round(billed.durationMs),
    success: true,
    reservedMicros,
  };
}

/**
 * Sets money aside for a call about to be made, refused before anything is spent when it
 * would pass the session's cap. Money reserved for calls still running counts as spent.
 */
export async function reserve(db: Database, sessionId: string, micros: number): Promise<void> {
  if (await reserveSessionBudget(db, sessionId, micros)) return;
  const session = await findSessionById(db, sessionId);
  if (!session) throw new Error(`session ${sessionId} disappeared`);
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
 * Releases everything reserved for run `runId` (the session's only job): reservations a
 * crashed attempt left behind, or what is left when the run ends.
 */
export async function releaseRun(db: Database, sessionId: string, runId: string) {
  await clearRunReservations(db, sessionId, runId);
}

/** Charges a call that produced no asset of its own (the prompt parser, the planner). */
export async function charge(db: Database, line: CallLine, reservedMicros: number, billed: Billed) {
  await recordCostLine(db, successLine(line, reservedMicros, billed));
}

/**
 * A failed call still gets its cost line (it may have been billed) and its reservation back;
 * a budget refusal made no call and has no line.
 */
export async function recordFailedCall(
  db: Database,
  line: CallLine,
  reservedMicros: number,
  error: unknown,
) {
  if (error instanceof BudgetExceededError) return;
  const details = error instanceof ModelCallError ? error.details : null;
  await recordCostLine(db, {
    ...line,
    model: details?.model ?? line.model,
    costMicros: usdToMicros(details?.costUsd ?? 0),
    durationMs: Math.round(details?.durationMs ?? 0),
    success: false,
    error: userFacingError(error, line.stage),
    reservedMicros,
  });
}

/**
 * One model call under the spending cap: its estimate is reserved first and a failure is
 * recorded. The caller charges the success, alone (`charge`) or with its asset
 * (`commitUnit`).
 */
export async function paidCall<T>(
  db: Database,
  line: CallLine,
  reservedMicros: number,
  call: () => Promise<ModelCall<T>>,
): Promise<ModelCall<T>> {
  await reserve(db, line.sessionId, reservedMicros);
  try {
    return await call();
  } catch (error) {
    await recordFailedCall(db, line, reservedMicros, error);
    throw error;
  }
}
