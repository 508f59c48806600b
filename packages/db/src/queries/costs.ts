import type { Stage } from "@adgen/schemas";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { assets, generationCosts, sessions } from "../schema/index";

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
 * The ledger's statements (packages/pipeline/src/ledger.ts is their only caller). They are
 * the only writes of `sessions.reserved_micros`, `sessions.total_cost_micros` and
 * `generation_costs`.
 */

/** One model call's line in the ledger, and what was reserved for it (released now). */
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
  reservedMicros: number;
}

export type NewAsset = typeof assets.$inferInsert;
type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Sets `micros` aside for a call about to be made, if the session's spending cap allows it.
 * One conditional update, so calls running in parallel cannot pass the cap together.
 */
export async function reserveSessionBudget(
  db: Database,
  sessionId: string,
  micros: number,
): Promise<boolean> {
  const rows = await db
    .update(sessions)
    .set({ reservedMicros: sql`${sessions.reservedMicros} + ${micros}` })
    .where(
      and(
        eq(sessions.id, sessionId),
        sql`${sessions.totalCostMicros} + ${sessions.reservedMicros} + ${micros}
          <= ${sessions.budgetMicros}`,
      ),
    )
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** Gives back money reserved for calls that will not be charged. */
export async function releaseSessionReservation(
  db: Database | Tx,
  sessionId: string,
  micros: number,
): Promise<void> {
  await db
    .update(sessions)
    .set({ reservedMicros: sql`greatest(0, ${sessions.reservedMicros} - ${micros})` })
    .where(eq(sessions.id, sessionId));
}

/**
 * Drops every reservation of the session while `runId` is its current run: what a crashed
 * attempt left behind, or what is left when the run ends.
 */
export async function clearRunReservations(
  db: Database,
  sessionId: string,
  runId: string,
): Promise<void> {
  await db
    .update(sessions)
    .set({ reservedMicros: 0 })
    .where(and(eq(sessions.id, sessionId), eq(sessions.currentRunId, runId)));
}

async function insertCostLineIn(tx: Tx, line: NewCostLine): Promise<void> {
  const { reservedMicros, ...values } = line;
  await tx.insert(generationCosts).values(values);
  await tx
    .update(sessions)
    .set({
      totalCostMicros: sql`${sessions.totalCostMicros} + ${line.costMicros}`,
      reservedMicros: sql`greatest(0, ${sessions.reservedMicros} - ${reservedMicros})`,
    })
    .where(eq(sessions.id, line.sessionId));
}

/** Records a call that produced no asset, adds its cost and releases its reservation. */
export async function recordCostLine(db: Database, line: NewCostLine): Promise<void> {
  await db.transaction((tx) => insertCostLineIn(tx, line));
}

/**
 * Stores a finished unit of work and its cost lines in one transaction. If the unit is
 * already stored (another attempt won), nothing is charged, the reservations are released
 * and null comes back.
 */
export async function commitAssetWithCosts(db: Database, asset: NewAsset, lines: NewCostLine[]) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(assets).values(asset).onConflictDoNothing().returning();
    if (!row) {
      const reserved = lines.reduce((sum, l) => sum + l.reservedMicros, 0);
      await releaseSessionReservation(tx, asset.sessionId, reserved);
      return null;
    }
    for (const line of lines) await insertCostLineIn(tx, line);
    return row;
  });
}
