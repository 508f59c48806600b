import { ModelCallError } from "@adgen/agents";
import { usdToMicros, type Stage } from "@adgen/schemas";
import type { PipelineDeps } from "../deps";
import { BudgetExceededError } from "../errors";
import { recordCost } from "../ledger";
import { userFacingError } from "../user-facing-error";

/** A failed call still gets its cost line (it may have been billed); a budget refusal made no call. */
export async function recordFailedCall(
  deps: PipelineDeps,
  line: { sessionId: string; stage: Stage; agent: string; model: string; workKey: string; reservedMicros: number },
  error: unknown,
) {
  if (error instanceof BudgetExceededError) return;
  const details = error instanceof ModelCallError ? error.details : null;
  await recordCost(deps.db, {
    ...line,
    model: details?.model ?? line.model,
    costMicros: usdToMicros(details?.costUsd ?? 0),
    durationMs: Math.round(details?.durationMs ?? 0),
    success: false,
    error: userFacingError(error, line.stage),
  });
}
