import { OutputDownloadError } from "../output/download";
import { PredictionAbortedError, PredictionTimeoutError, type Prediction } from "./prediction";

/**
 * The HTTP status of the replicate client's ApiError (its typings declare the class as an
 * interface only, so it is recognised by shape).
 */
export function apiStatus(error: unknown): number | null {
  const response = (error as { response?: { status?: unknown } } | null)?.response;
  return error instanceof Error && error.name === "ApiError" && typeof response?.status === "number"
    ? response.status
    : null;
}

/** A prediction that ended `failed` (or `canceled` by someone else). */
export class PredictionFailedError extends Error {
  constructor(readonly prediction: Prediction) {
    super(
      typeof prediction.error === "string" ? prediction.error : `prediction ${prediction.status}`,
    );
    this.name = "PredictionFailedError";
  }
}

/** A prediction succeeded but its output was not what we asked for (e.g. malformed JSON). */
export class UnusableOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnusableOutputError";
  }
}

const NSFW = /nsfw|not safe for work|safety (checker|filter|system)|sensitive content|flagged/i;

export function isNsfwRefusal(error: unknown): boolean {
  return error instanceof PredictionFailedError && NSFW.test(error.message);
}

/** The first sentence of a model's error text, without anything that looks internal. */
function modelReason(text: string): string {
  const first = text.split(/\n|(?<=\.)\s/)[0]?.trim() ?? "";
  const clean = first
    .replace(/[^\w\s.,:'()%-]/g, "")
    .slice(0, 160)
    .replace(/[.\s]+$/, "");
  return clean || "it gave no reason";
}

/** What users read when a model call finally fails: plain words, the model's reason. */
export function plainReason(label: string, error: unknown): string {
  if (isNsfwRefusal(error)) {
    return `The ${label} refused this request: its safety filter flagged the result as not safe for work. Try rewording your description.`;
  }
  if (error instanceof PredictionTimeoutError) {
    const seconds = Math.round(error.timeoutMs / 1000);
    return `The ${label} did not finish within ${seconds} ${seconds === 1 ? "second" : "seconds"}. Try again.`;
  }
  if (error instanceof PredictionFailedError) {
    if (error.prediction.status === "canceled")
      return `The ${label} call was cancelled on Replicate. Try again.`;
    return `The ${label} failed: ${modelReason(error.message)}. Try again.`;
  }
  if (error instanceof OutputDownloadError)
    return `The ${label} finished, but ${lowerFirst(error.message)}`;
  if (error instanceof UnusableOutputError) return `The ${label} ${error.message}`;
  const status = apiStatus(error);
  if (status !== null) {
    if (status === 401 || status === 403)
      return "Replicate refused the API token. Check REPLICATE_API_TOKEN.";
    if (status === 402) return "The Replicate account has run out of credit.";
    if (status === 429)
      return "Replicate is limiting how fast we can ask right now. Try again in a minute.";
    if (status === 422) return `The ${label} rejected the request's settings.`;
    if (status >= 500) return "Replicate is having trouble right now. Try again in a few minutes.";
    return `Replicate refused the ${label} request (HTTP ${status}).`;
  }
  if (error instanceof PredictionAbortedError) return `The ${label} call was cancelled.`;
  // fetch() rejects with a TypeError when the network fails; anything else is ours.
  if (error instanceof TypeError)
    return `Replicate could not be reached for the ${label}. Try again.`;
  return `The ${label}'s answer could not be used. Try again.`;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** Errors worth another prediction of the same model (not a refusal of our input). */
export function worthRetrying(error: unknown): boolean {
  if (isNsfwRefusal(error)) return false;
  const status = apiStatus(error);
  if (status !== null) return status === 429 || status >= 500;
  return !(error instanceof PredictionAbortedError);
}
