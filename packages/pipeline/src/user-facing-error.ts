import { randomBytes } from "node:crypto";
import { BatchFailedError, ModelCallError } from "@adgen/agents";
import { isMediaError } from "@adgen/media";
import { runningStep, STEP_FLOW, type Stage } from "@adgen/schemas";
import { PipelineError } from "./errors";

/** How the step running in `stage` is named to users when it fails (the STEPS table says). */
function namesOf(stage: Stage): { step: string; unit: string | null } {
  const running = runningStep(stage);
  if (!running) return { step: stage.replaceAll("_", " "), unit: null };
  return { step: STEP_FLOW[running].label, unit: STEP_FLOW[running].unit };
}

/** What internal text looks like: paths, stack lines, SQL, several lines, or a lot of it. */
const INTERNAL = [
  /[/\\][\w.-]+[/\\]/,
  /\n/,
  /\bat\s+\S+\s+\(/,
  /\b(select|insert|update|delete)\b.+\b(from|into|set|where)\b/i,
  /\b(constraint|violates|relation|column|SQLSTATE|ECONN\w+|ENOENT|EACCES)\b/,
  /ffmpeg|ffprobe|stderr/i,
];

/**
 * An error whose message was written for users: the pipeline's own refusals, text the
 * fonts cannot draw, and a model's own failure sentence (one that wraps no lower-level
 * error). Even those pass only if they do not look internal.
 */
function readableMessage(error: unknown): string | null {
  const readable =
    error instanceof PipelineError ||
    isMediaError(error, "UNRENDERABLE_TEXT") ||
    (error instanceof ModelCallError && (error as { cause?: unknown }).cause === undefined);
  if (!readable) return null;
  const message = (error as Error).message.trim();
  if (!message || message.length > 300 || INTERNAL.some((re) => re.test(message))) return null;
  return message;
}

const references = new WeakMap<object, string>();

/** The reference of an unexpected error, logged with its detail the first time it is seen. */
function referenceFor(error: unknown, step: string): string {
  const key = typeof error === "object" && error !== null ? error : null;
  const known = key ? references.get(key) : undefined;
  if (known) return known;
  const reference = randomBytes(5).toString("hex");
  if (key) references.set(key, reference);
  console.error(`[pipeline] ${step} step failed, reference ${reference}:`, error);
  return reference;
}

/**
 * The sentence a user sees for a failure in `stage` — in `session.error`, in cost lines
 * and in progress messages. Messages written for users pass through; anything else (a
 * database error, an ffmpeg temp path) becomes "The <step> step failed. Reference: <id>."
 * with the detail in the server log under that reference. The same error always gets
 * the same reference, so a unit's cost line and progress message agree.
 */
export function userFacingError(error: unknown, stage: Stage): string {
  const names = namesOf(stage);
  if (error instanceof BatchFailedError) {
    const [first] = error.summary.causes;
    const readable = readableMessage(first);
    if (readable && names.unit) return `Every ${names.unit} failed: ${readable}`;
    if (first !== undefined && !(first instanceof BatchFailedError)) {
      return userFacingError(first, stage);
    }
  }
  const readable = readableMessage(error);
  if (readable) return readable;
  return `The ${names.step} step failed. Reference: ${referenceFor(error, names.step)}.`;
}
