import { ModelCallError, type ModelCall } from "@adgen/agents";
import type Replicate from "replicate";
import type { ReplicateConfig, RoleConfig } from "../env";
import { familyOf, parseModelRef, type Family, type Price, type Role } from "../models";
import { billingRef } from "./billing-ref";
import { billedUsd } from "./cost";
import { isNsfwRefusal, plainReason, PredictionFailedError, worthRetrying } from "./failure";
import {
  PredictionAbortedError,
  PredictionTimeoutError,
  runPrediction,
  type Prediction,
} from "./prediction";

/** What the provider's agents share: the client and the resolved configuration. */
export interface ReplicateContext {
  client: Replicate;
  config: ReplicateConfig;
}

/** One model of a role, as a unit of work sees it. */
export interface ModelChoice {
  ref: string;
  /** owner/name, the key of the price table and the id on cost lines. */
  name: string;
  family: Family;
  price: Price | undefined;
}

export function choicesFor(config: ReplicateConfig, role: Role): ModelChoice[] {
  const roleConfig: RoleConfig = config.roles[role];
  return [roleConfig.model, roleConfig.fallback]
    .filter((ref): ref is string => Boolean(ref))
    .map((ref) => {
      const name = parseModelRef(ref).model;
      return { ref, name, family: familyOf(ref, role), price: config.prices[name] };
    });
}

export interface CallSpec<T> {
  role: Role;
  /** "image model", "video model"…: how users hear of this model. */
  label: string;
  input: (choice: ModelChoice) => Record<string, unknown>;
  /** What a succeeded prediction is billed for producing (images, seconds of output). */
  produces: (choice: ModelChoice) => { images?: number; outputSeconds?: number };
  /** Turns a succeeded prediction into our output (download, parse); throws when unusable. */
  finish: (prediction: Prediction, choice: ModelChoice) => Promise<T>;
  signal?: AbortSignal;
  /** Told of every prediction this unit starts (see `billingRef`). */
  onBillable?: (ref: string) => Promise<void>;
  /** Models to use instead of the role's (e.g. a hero image was not available). */
  choices?: ModelChoice[];
}

/**
 * One unit of work on Replicate: each model of the role (the configured one, then its
 * fallback) gets up to `attemptsPerModel` predictions; a failed, flagged or timed-out one
 * is cancelled and retried, then the fallback is tried, then the unit fails with the
 * model's reason in plain words. Every billed prediction counts, failed ones included.
 */
export async function callModel<T>(
  ctx: ReplicateContext,
  spec: CallSpec<T>,
): Promise<ModelCall<T>> {
  const started = Date.now();
  const role = ctx.config.roles[spec.role];
  const choices = spec.choices ?? choicesFor(ctx.config, spec.role);
  let costUsd = 0;
  let lastError: unknown = null;
  let lastModel = choices[0]?.name ?? role.model;

  for (const choice of choices) {
    lastModel = choice.name;
    const produces = spec.produces(choice);
    for (let attempt = 0; attempt < ctx.config.attemptsPerModel; attempt++) {
      try {
        const prediction = await runPrediction(ctx.client, choice.ref, spec.input(choice), {
          timeoutMs: role.timeoutMs,
          waitSeconds: ctx.config.waitSeconds,
          poll: ctx.config.poll,
          signal: spec.signal,
          onCreated: async (prediction) => {
            await spec.onBillable?.(billingRef(choice, prediction, produces));
          },
        });
        // Billed as soon as it ends, so an unusable output still counts.
        costUsd += billedUsd(choice.price, prediction, produces);
        if (prediction.status !== "succeeded") throw new PredictionFailedError(prediction);
        const output = await spec.finish(prediction, choice);
        return {
          output,
          costUsd,
          durationMs: Date.now() - started,
          model: choice.name,
        };
      } catch (error) {
        lastError = error;
        // A cancelled prediction of a time-billed model was billed for the time it ran.
        if (error instanceof PredictionAbortedError || error instanceof PredictionTimeoutError) {
          if (error.prediction) costUsd += billedUsd(choice.price, error.prediction, {});
        }
        // The detail stays in the log; users read plainReason's sentence.
        console.warn(
          `[replicate] ${choice.ref} attempt ${attempt + 1} failed:`,
          error instanceof PredictionFailedError ? error.message : error,
        );
        if (error instanceof PredictionAbortedError || spec.signal?.aborted) {
          throw failure(`The ${spec.label} call was cancelled.`, choice.name, costUsd, started);
        }
        // Retrying the same input on the same model meets the same safety filter.
        if (isNsfwRefusal(error) || !worthRetrying(error)) break;
      }
    }
  }
  throw failure(plainReason(spec.label, lastError), lastModel, costUsd, started);
}

/**
 * The unit's final failure. Not retryable: the provider has already retried and fallen
 * back, so a job-level retry would only pay again; the user's "Try again" decides.
 */
function failure(message: string, model: string, costUsd: number, started: number) {
  return new ModelCallError(message, {
    model,
    costUsd,
    durationMs: Date.now() - started,
    retryable: false,
  });
}
