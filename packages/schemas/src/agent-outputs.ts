import { z } from "zod";
import { VIEW_TYPES } from "./enums";

/**
 * What the agents return and the pipeline stores (in `sessions.plan` and
 * `assets.metadata`). They live here rather than in @adgen/agents because the database
 * types them, and dependencies point schemas ← db ← … ← agents; agents re-exports them.
 */

export const PRODUCT_CATEGORIES = [
  "shoe",
  "watch",
  "bottle",
  "jar",
  "box",
  "can",
  "bag",
  "headphones",
  "phone",
  "generic",
] as const;
export const productCategorySchema = z.enum(PRODUCT_CATEGORIES);
export type ProductCategory = z.infer<typeof productCategorySchema>;

export const viewPromptSchema = z.object({
  viewType: z.enum(VIEW_TYPES),
  prompt: z.string().min(1),
  negativePrompt: z.string(),
});
export type ViewPrompt = z.infer<typeof viewPromptSchema>;

/** The prompt parser's output: the same shape whether rules or an LLM produced it. */
export const parsedPromptSchema = z.object({
  category: productCategorySchema,
  productDescription: z.string().min(1),
  colors: z.array(z.object({ name: z.string(), hex: z.string().regex(/^#[0-9A-F]{6}$/) })).min(1),
  materials: z.array(z.string()),
  styleKeywords: z.array(z.string()),
  views: z.array(viewPromptSchema).min(1),
  consistencySeed: z
    .number()
    .int()
    .nonnegative()
    .max(2 ** 31 - 1),
});
export type ParsedPrompt = z.infer<typeof parsedPromptSchema>;

export const CAMERA_MOVES = [
  "push_in",
  "pull_out",
  "pan_left",
  "pan_right",
  "orbit",
  "tilt_up",
  "tilt_down",
] as const;
export const cameraMoveSchema = z.enum(CAMERA_MOVES);
export type CameraMove = z.infer<typeof cameraMoveSchema>;

/** One planned scene per approved image. */
export const sceneSchema = z.object({
  imageId: z.string(),
  cameraMove: cameraMoveSchema,
  /** 0 (barely moving) … 1 (energetic). */
  intensity: z.number().min(0).max(1),
  grade: z.enum(["neutral", "warm", "cool", "vivid", "moody"]),
  motionPrompt: z.string().min(1),
});
export type Scene = z.infer<typeof sceneSchema>;

/** The video analyst's per-second description of a clip, stored with the clip. */
export const clipAnalysisSchema = z.object({
  durationSec: z.number().positive(),
  seconds: z.array(
    z.object({
      t: z.number().nonnegative(),
      motion: z.number().min(0).max(1),
      brightness: z.number().min(0).max(1),
      dominantColor: z.string().regex(/^#[0-9A-F]{6}$/),
      /** Where the product sits, as fractions of the frame (0–1). */
      productBox: z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }),
    }),
  ),
  /** The frame third with the least product in it, where overlays should go. */
  quietRegion: z.enum(["top", "bottom", "left", "right"]),
});
export type ClipAnalysis = z.infer<typeof clipAnalysisSchema>;
