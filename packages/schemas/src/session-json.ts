import { z } from "zod";
import { parsedPromptSchema, sceneSchema } from "./agent-outputs";
import { composeFinalVideoInput, generateClipsInput, generateImagesInput } from "./generation";

/**
 * The JSON columns of `sessions` (typed with Drizzle `$type<>()` in @adgen/db). The shapes
 * are what the pipeline writes; a stored value is parsed when read, so a row written by an
 * older version fails with a clear error instead of being trusted.
 */

/** A generation run (`sessions.current_run_id`): jobs carry it, stale runs do nothing. */
export const runIdSchema = z.uuid();

/**
 * `sessions.plan`: agent outputs the later steps reuse, each tagged with the run that made
 * it, so a retried job reuses them and is not charged twice. Empty until the first run.
 */
export const sessionPlanSchema = z.object({
  /** The image run whose prompt was parsed. */
  runId: runIdSchema.optional(),
  parsedPrompt: parsedPromptSchema.optional(),
  /** The clip run whose scenes were planned. */
  clipRunId: runIdSchema.optional(),
  scenes: z.array(sceneSchema).optional(),
});
export type SessionPlan = z.infer<typeof sessionPlanSchema>;

/**
 * A composition as asked for: the final-video request without its session id. Stored in
 * `sessions.last_request` and in each final video's metadata, and shown again as the
 * defaults of the next composition.
 */
export const compositionRequestSchema = composeFinalVideoInput.omit({ sessionId: true });
export type CompositionRequest = z.infer<typeof compositionRequestSchema>;

/**
 * `sessions.last_request`: what the running or last step was asked for, keyed by step, so
 * "try again" can repeat it. The session id is the row's own and is not part of it.
 */
export const lastRequestSchema = z.discriminatedUnion("step", [
  generateImagesInput.omit({ sessionId: true }).extend({ step: z.literal("generateImages") }),
  generateClipsInput.omit({ sessionId: true }).extend({ step: z.literal("generateClips") }),
  compositionRequestSchema.extend({ step: z.literal("composeFinalVideo") }),
]);
export type LastRequest = z.infer<typeof lastRequestSchema>;
