import type { CostRow, SessionRow } from "@adgen/db";
import { microsToUsd } from "@adgen/schemas";

/** Sums in integer micro-dollars, converting once, so totals are exact. */
function totalsBy(lines: CostRow[], key: (line: CostRow) => string) {
  const micros = new Map<string, number>();
  for (const line of lines) micros.set(key(line), (micros.get(key(line)) ?? 0) + line.costMicros);
  return Object.fromEntries([...micros].map(([k, v]) => [k, microsToUsd(v)]));
}

export function summariseCosts(session: SessionRow, lines: CostRow[]) {
  return {
    sessionId: session.id,
    lines: lines.map((line) => ({
      id: line.id,
      stage: line.stage,
      agent: line.agent,
      model: line.model,
      cost: microsToUsd(line.costMicros),
      durationMs: line.durationMs,
      success: line.success,
      error: line.error,
      /**
       * pending (call running), charged, failed, not_kept (paid, output thrown away) or
       * interrupted (its worker died mid-call; charged at its estimate until its provider
       * says what it billed, then at that). Every status but
       * pending counts in the totals, so the per-stage sums add up to `total`.
       */
      status: line.status,
      createdAt: line.createdAt,
    })),
    byStage: totalsBy(lines, (l) => l.stage),
    byAgent: totalsBy(lines, (l) => l.agent),
    /** Money kept in the ad vs. paid for work thrown away (not kept, interrupted). */
    byStatus: totalsBy(lines, (l) => l.status),
    total: microsToUsd(session.totalCostMicros),
    budget: microsToUsd(session.budgetMicros),
  };
}
