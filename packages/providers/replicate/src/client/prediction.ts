import type Replicate from "replicate";
import { parseModelRef } from "../models";

/** The fields of a Replicate prediction this provider reads. */
export interface Prediction {
  id: string;
  model?: string;
  status: "starting" | "processing" | "succeeded" | "failed" | "canceled" | "aborted";
  output?: unknown;
  error?: unknown;
  metrics?: { predict_time?: number; input_token_count?: number; output_token_count?: number };
}

export const isTerminal = (p: Prediction) =>
  p.status === "succeeded" ||
  p.status === "failed" ||
  p.status === "canceled" ||
  p.status === "aborted";

/** A prediction that ran past its timeout (it has been cancelled). */
export class PredictionTimeoutError extends Error {
  constructor(
    readonly prediction: Prediction,
    readonly timeoutMs: number,
  ) {
    super(`prediction ${prediction.id} did not finish within ${timeoutMs} ms`);
    this.name = "PredictionTimeoutError";
  }
}

/** The caller's signal aborted the work (its prediction has been cancelled). */
export class PredictionAbortedError extends Error {
  constructor(readonly prediction: Prediction | null) {
    super("the model call was cancelled");
    this.name = "PredictionAbortedError";
  }
}

export interface RunOptions {
  timeoutMs: number;
  waitSeconds: number;
  poll: { intervalMs: number; maxIntervalMs: number };
  signal?: AbortSignal;
  /** Told of the prediction as soon as it exists (it is billed from then on). */
  onCreated?: (prediction: Prediction) => Promise<void>;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });

/**
 * Creates a prediction and follows it to its end. The create is held up to `waitSeconds`
 * (`Prefer: wait`); after that the prediction is polled with a growing interval. A
 * prediction past its timeout, or whose caller aborts, is cancelled on Replicate. The
 * create itself is not aborted mid-flight: without its answer there is no id to cancel.
 */
export async function runPrediction(
  client: Replicate,
  ref: string,
  input: Record<string, unknown>,
  options: RunOptions,
): Promise<Prediction> {
  if (options.signal?.aborted) throw new PredictionAbortedError(null);
  const { model, version } = parseModelRef(ref);
  const deadline = Date.now() + options.timeoutMs;
  let prediction = (await client.predictions.create({
    ...(version ? { version } : { model }),
    input,
    ...(options.waitSeconds > 0 ? { wait: options.waitSeconds } : {}),
  })) as Prediction;
  await options.onCreated?.(prediction);
  let interval = options.poll.intervalMs;
  while (!isTerminal(prediction)) {
    if (options.signal?.aborted) {
      throw new PredictionAbortedError(await cancelQuietly(client, prediction));
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new PredictionTimeoutError(await cancelQuietly(client, prediction), options.timeoutMs);
    }
    await sleep(Math.min(interval, left), options.signal);
    interval = Math.min(options.poll.maxIntervalMs, Math.ceil(interval * 1.5));
    if (options.signal?.aborted) continue;
    prediction = (await client.predictions.get(prediction.id)) as Prediction;
  }
  return prediction;
}

/**
 * Cancels a prediction and returns it as Replicate answered (its metrics say what the time
 * it ran was billed); a failure to cancel is logged, not thrown over the real error.
 */
export async function cancelQuietly(
  client: Replicate,
  prediction: Prediction,
): Promise<Prediction> {
  try {
    return (await client.predictions.cancel(prediction.id)) as Prediction;
  } catch (error) {
    console.warn(`[replicate] could not cancel prediction ${prediction.id}:`, error);
    return prediction;
  }
}
