import { listUnsettledInterrupted, settleInterruptedLine } from "@adgen/db";
import { usdToMicros } from "@adgen/schemas";
import type { LedgerDeps } from "./calls";

/**
 * Asks the provider what the calls cut short by a dead worker were really billed, and puts
 * that in place of their estimates (the session's total follows). A call its provider
 * cannot price yet, or whose provider cannot say, stays at its estimate: the maintenance
 * sweep asks again. Returns how many lines were settled.
 */
export async function settleInterruptedCalls(
  deps: LedgerDeps,
  sessionId?: string,
): Promise<number> {
  const { provider } = deps;
  if (!provider.settleInterrupted) return 0;
  let settled = 0;
  for (const line of await listUnsettledInterrupted(deps.db, sessionId)) {
    const usd = await provider.settleInterrupted(line.billingRefs).catch((error: unknown) => {
      console.error(`[ledger] could not settle interrupted call ${line.id}:`, error);
      return null;
    });
    if (usd === null) continue;
    if ((await settleInterruptedLine(deps.db, line, usdToMicros(usd))) !== null) settled++;
  }
  return settled;
}
