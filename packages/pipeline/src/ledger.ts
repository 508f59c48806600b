import { assets, eq, generationCosts, sessions, sql, type Database } from "@adgen/db";
import { microsToUsd, type Stage } from "@adgen/schemas";
import { BudgetExceededError } from "./errors";

/**
 * Sets money aside for a call about to be made. One conditional update, so calls running
 * in parallel cannot pass the cap together; refuses before anything is spent.
 */
export async function reserveBudget(db: Database, sessionId: string, micros: number): Promise<void> {
  const [row] = await db
    .update(sessions)
    .set({ reservedMicros: sql`${sessions.reservedMicros} + ${micros}` })
    .where(
      sql`${sessions.id} = ${sessionId} and ${sessions.totalCostMicros} + ${sessions.reservedMicros} + ${micros} <= ${sessions.budgetMicros}`,
    )
    .returning({ id: sessions.id });
  if (row) return;
  const [session] = await db.select().from(sessions).where(eq(sessions.id, sessionId));
  if (!session) throw new Error(`session ${sessionId} disappeared`);
  // Money set aside for calls still running counts as spent: it is about to be.
  throw new BudgetExceededError(
    microsToUsd(session.totalCostMicros + session.reservedMicros),
    microsToUsd(micros),
    microsToUsd(session.budgetMicros),
  );
}

/** Checks a whole step's estimate before it is queued (nothing is reserved yet). */
export async function assertWithinBudget(db: Database, sessionId: string, micros: number): Promise<void> {
  const [session] = await db.select().from(sessions).where(eq(sessions.id, sessionId));
  if (!session) throw new Error(`session ${sessionId} disappeared`);
  if (session.totalCostMicros + micros > session.budgetMicros) {
    throw new BudgetExceededError(
      microsToUsd(session.totalCostMicros),
      microsToUsd(micros),
      microsToUsd(session.budgetMicros),
    );
  }
}

/** A crashed attempt leaves reservations behind; a new attempt of the session's only job clears them. */
export async function clearReservations(db: Database, sessionId: string): Promise<void> {
  await db.update(sessions).set({ reservedMicros: 0 }).where(eq(sessions.id, sessionId));
}

export interface CostLine {
  sessionId: string;
  stage: Stage;
  agent: string;
  model: string;
  costMicros: number;
  durationMs: number;
  success: boolean;
  error?: string | null;
  workKey?: string | null;
  /** What was reserved for this call, released now that the real cost is known. */
  reservedMicros: number;
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

async function chargeIn(tx: Tx | Database, line: CostLine): Promise<void> {
  await tx.insert(generationCosts).values({
    sessionId: line.sessionId,
    stage: line.stage,
    agent: line.agent,
    model: line.model,
    costMicros: line.costMicros,
    durationMs: line.durationMs,
    success: line.success,
    error: line.error ?? null,
    workKey: line.workKey ?? null,
  });
  await tx
    .update(sessions)
    .set({
      totalCostMicros: sql`${sessions.totalCostMicros} + ${line.costMicros}`,
      reservedMicros: sql`greatest(0, ${sessions.reservedMicros} - ${line.reservedMicros})`,
    })
    .where(eq(sessions.id, line.sessionId));
}

/** Records a call that produced no asset (a failure, or the parser/planner). */
export async function recordCost(db: Database, line: CostLine): Promise<void> {
  await db.transaction((tx) => chargeIn(tx, line));
}

export type NewAsset = typeof assets.$inferInsert;

/**
 * Stores a finished unit of work and its charge together. If another worker already
 * stored the same unit, nothing is charged and null comes back (the caller drops its file).
 */
export async function commitAsset(db: Database, asset: NewAsset, charge: CostLine | CostLine[]) {
  const lines = Array.isArray(charge) ? charge : [charge];
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(assets).values(asset).onConflictDoNothing().returning();
    if (!row) {
      const released = lines.reduce((sum, l) => sum + l.reservedMicros, 0);
      await tx
        .update(sessions)
        .set({ reservedMicros: sql`greatest(0, ${sessions.reservedMicros} - ${released})` })
        .where(eq(sessions.id, asset.sessionId));
      return null;
    }
    for (const line of lines) await chargeIn(tx, line);
    return row;
  });
}
