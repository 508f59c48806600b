import { commitPlanWithCost, type Database, type RunPatch } from "@adgen/db";
import {
  recordUnkept,
  RunLostError,
  successLine,
  markRecorded,
  type Billed,
  type CallLine,
  type Spender,
} from "./calls";

/**
 * Saves what a planning call answered (the parsed prompt, the scene plan) with its cost
 * line, in one transaction: a crash between the two cannot happen, so a retry never meets
 * a charge without its plan. "duplicate" means another attempt of the run saved its plan
 * first (this call is recorded as not kept): read the stored plan.
 */
export async function commitPlan(
  db: Database,
  attempt: Spender,
  line: CallLine,
  reservedMicros: number,
  billed: Billed,
  patch: Pick<RunPatch, "plan" | "consistencySeed" | "styleKeywords">,
): Promise<"saved" | "duplicate"> {
  const cost = successLine(line, attempt.attemptId, reservedMicros, billed);
  let status: Awaited<ReturnType<typeof commitPlanWithCost>>;
  try {
    status = await commitPlanWithCost(db, attempt.runId, patch, cost);
  } catch (error) {
    // Nothing was saved, but the call was paid: it keeps its line.
    await recordUnkept(db, attempt, line, reservedMicros, billed, "Not kept: saving it failed.");
    markRecorded(error);
    throw error;
  }
  if (status === "run_lost") {
    attempt.lose();
    throw new RunLostError();
  }
  return status;
}
