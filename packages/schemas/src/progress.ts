import { z } from "zod";
import { stageSchema } from "./enums";

/** One progress event, as stored in `session_events` and streamed to subscribers. */
export const progressEventSchema = z.object({
  sessionId: z.string(),
  stage: stageSchema,
  progress: z.number().min(0).max(100),
  message: z.string(),
  currentCost: z.number().nonnegative(),
  timestamp: z.string(),
  /** Set on the event that ends a job: what the client should do next. */
  done: z.boolean().optional(),
  error: z.string().optional(),
});
export type ProgressEvent = z.infer<typeof progressEventSchema>;
