import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { z } from "zod";
import { VIEW_TYPES } from "@adgen/schemas";
import { type ImageModel, ModelCallError } from "@adgen/agents";
import { readPrompt } from "./read-prompt";
import { renderStudioImage } from "./render-studio-image";

export const LOCAL_IMAGE_MODEL_ID = "local/studio-render-v1";

const imageRequestSchema = z.object({
  prompt: z.string().min(1),
  negativePrompt: z.string(),
  viewType: z.enum(VIEW_TYPES),
  seed: z.number().int().nonnegative(),
  width: z.number().int().min(64).max(2048),
  height: z.number().int().min(64).max(2048),
});

/**
 * The offline image model: a studio render drawn from the prompt's words alone (the
 * product, its colours and materials, the view, the style), the same bytes for the same
 * request. Free; takes a fraction of a second per image.
 */
export function createLocalImageModel(): ImageModel {
  return {
    id: LOCAL_IMAGE_MODEL_ID,
    async generate(request) {
      const started = performance.now();
      const fail = (message: string): never => {
        throw new ModelCallError(message, {
          model: LOCAL_IMAGE_MODEL_ID,
          costUsd: 0,
          durationMs: performance.now() - started,
          retryable: false,
        });
      };
      const parsed = imageRequestSchema.safeParse(request);
      if (!parsed.success)
        fail(
          `Invalid image request: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`,
        );
      // Rendering holds the thread for a moment; let pending I/O (progress events) go first.
      await yieldToEventLoop();
      request.signal?.throwIfAborted();
      const { width, height } = request;
      const bytes = renderStudioImage(readPrompt(request), width, height);
      return {
        output: { bytes, contentType: "image/png", width, height },
        costUsd: 0,
        durationMs: performance.now() - started,
        model: LOCAL_IMAGE_MODEL_ID,
      };
    },
  };
}
