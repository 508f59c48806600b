import { z } from "zod";
import type { ModelChoice } from "./call-model";
import type { Prediction } from "./prediction";

/**
 * What the ledger keeps of a prediction while its call runs, so that if the worker dies,
 * `settleInterrupted` can ask Replicate what it was billed: its id, the model whose price
 * applies, and what a success is billed for producing.
 */
const billingRefSchema = z.object({
  prediction: z.string().min(1),
  model: z.string().min(1),
  images: z.number().optional(),
  outputSeconds: z.number().optional(),
});

export type BillingRef = z.infer<typeof billingRefSchema>;

export function billingRef(
  choice: Pick<ModelChoice, "name">,
  prediction: Pick<Prediction, "id">,
  produces: { images?: number; outputSeconds?: number },
): string {
  return JSON.stringify({
    prediction: prediction.id,
    model: choice.name,
    ...produces,
  } satisfies BillingRef);
}

/** The reference back, or null when it is not one of ours (another provider wrote it). */
export function parseBillingRef(ref: string): BillingRef | null {
  try {
    const parsed = billingRefSchema.safeParse(JSON.parse(ref));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
