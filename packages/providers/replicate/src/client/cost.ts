import type { Price } from "../models";
import type { Prediction } from "./prediction";

/** Tokens a language model is expected to read and write for one of our requests. */
export const EXPECTED_TOKENS = { input: 1200, output: 900 };

/** What one prediction of a model is expected to cost, before it runs (the budget check). */
export function estimateUsd(
  price: Price | undefined,
  units: { images?: number; outputSeconds?: number; hardwareSeconds?: number },
): number {
  if (!price) return 0;
  switch (price.per) {
    case "image":
      return price.usd * (units.images ?? 1);
    case "output_second":
      return price.usd * (units.outputSeconds ?? 0);
    case "prediction":
      return price.usd;
    case "hardware_second":
      return price.usd * (units.hardwareSeconds ?? 0);
    case "token":
      return (
        (price.inputPerMillion * EXPECTED_TOKENS.input +
          price.outputPerMillion * EXPECTED_TOKENS.output) /
        1e6
      );
  }
}

/**
 * What Replicate bills for a finished prediction. Output-priced models bill what they
 * produced, so a failed or cancelled one costs nothing; hardware-priced and token-priced
 * models bill the time or tokens used, failed or not.
 */
export function billedUsd(
  price: Price | undefined,
  prediction: Prediction,
  produced: { images?: number; outputSeconds?: number },
): number {
  if (!price) return 0;
  const succeeded = prediction.status === "succeeded";
  const metrics = prediction.metrics ?? {};
  switch (price.per) {
    case "image":
      return succeeded ? price.usd * (produced.images ?? 1) : 0;
    case "output_second":
      return succeeded ? price.usd * (produced.outputSeconds ?? 0) : 0;
    case "prediction":
      return succeeded ? price.usd : 0;
    case "hardware_second":
      return price.usd * (metrics.predict_time ?? 0);
    case "token":
      return (
        (price.inputPerMillion * (metrics.input_token_count ?? 0) +
          price.outputPerMillion * (metrics.output_token_count ?? 0)) /
        1e6
      );
  }
}
