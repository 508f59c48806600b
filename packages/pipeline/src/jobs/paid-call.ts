import type { ModelCall } from "@adgen/agents";
import { usdToMicros, type Stage } from "@adgen/schemas";
import type { PipelineDeps } from "../deps";
import { reserveBudget, type CostLine } from "../ledger";
import { recordFailedCall } from "./unit-costs";

export interface CallLine {
  sessionId: string;
  stage: Stage;
  agent: string;
  model: string;
  workKey: string;
}

/**
 * One model call under the spending cap: its estimate is reserved first (refused before
 * anything is spent), and a failure still gets its cost line. The caller records success,
 * alone or together with the asset the call produced.
 */
export async function paidCall<T>(
  deps: PipelineDeps,
  line: CallLine,
  reservedMicros: number,
  call: () => Promise<ModelCall<T>>,
): Promise<{ call: ModelCall<T>; success: CostLine }> {
  await reserveBudget(deps.db, line.sessionId, reservedMicros);
  try {
    const result = await call();
    return { call: result, success: successLine(line, reservedMicros, result) };
  } catch (error) {
    await recordFailedCall(deps, { ...line, reservedMicros }, error);
    throw error;
  }
}

export function successLine(line: CallLine, reservedMicros: number, call: ModelCall<unknown>): CostLine {
  return {
    ...line,
    model: call.model,
    costMicros: usdToMicros(call.costUsd),
    durationMs: Math.round(call.durationMs),
    success: true,
    reservedMicros,
  };
}
