import type { ReplicateContext } from "./call-model";
import { parseBillingRef } from "./billing-ref";
import { billedUsd } from "./cost";
import { isTerminal, type Prediction } from "./prediction";

/**
 * What the predictions of a call whose worker died were billed. Nobody will read their
 * output any more, so one still running is cancelled first: an output-priced model then
 * bills nothing, a time-priced one the time it ran. Null (asked again later) when Replicate
 * cannot be reached or a prediction has not stopped yet.
 */
export async function settleInterrupted(
  ctx: ReplicateContext,
  refs: string[],
): Promise<number | null> {
  let usd = 0;
  for (const raw of refs) {
    const ref = parseBillingRef(raw);
    if (!ref) return null;
    let prediction: Prediction;
    try {
      prediction = (await ctx.client.predictions.get(ref.prediction)) as Prediction;
      if (!isTerminal(prediction)) {
        prediction = (await ctx.client.predictions.cancel(ref.prediction)) as Prediction;
      }
    } catch (error) {
      console.warn(`[replicate] could not settle prediction ${ref.prediction}:`, error);
      return null;
    }
    if (!isTerminal(prediction)) return null;
    usd += billedUsd(ctx.config.prices[ref.model], prediction, ref);
  }
  return usd;
}
