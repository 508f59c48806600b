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
      createdAt: line.createdAt,
    })),
    byStage: totalsBy(lines, (l) => l.stage),
    byAgent: totalsBy(lines, (l) => l.agent),
    total: microsToUsd(session.totalCostMicros),
    budget: microsToUsd(session.budgetMicros),
  };
}
