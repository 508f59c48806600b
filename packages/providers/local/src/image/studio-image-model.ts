import { z } from "zod";
import { VIEW_TYPES } from "@adgen/schemas";
import { type ImageModel, ModelCallError } from "@adgen/agents";
import { defineCpuTask } from "../pool/index";
import type { renderImageTask } from "./render-task";

export const LOCAL_IMAGE_MODEL_ID = "local/studio-render-v1";

/** A render holds a core for about half a second: it runs in the pool, never on this thread. */
const renderInPool = defineCpuTask<Parameters<typeof renderImageTask>[0], Uint8Array>(
  new URL("./render-task.ts", import.meta.url),
  "renderImageTask",
);

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
      const { prompt, negativePrompt, viewType, seed, width, height } = request;
      const rendered = await renderInPool(
        { prompt, negativePrompt, viewType, seed, width, height },
        { signal: request.signal },
      ).catch((error: unknown) => {
        request.signal?.throwIfAborted();
        throw error;
      });
      const bytes = Buffer.from(rendered.buffer, rendered.byteOffset, rendered.byteLength);
      return {
        output: { bytes, contentType: "image/png", width, height },
        costUsd: 0,
        durationMs: performance.now() - started,
        model: LOCAL_IMAGE_MODEL_ID,
      };
    },
  };
}
