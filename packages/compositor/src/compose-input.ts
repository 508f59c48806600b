import {
  aspectRatioSchema,
  hexColorSchema,
  overlayFontSchema,
  type CompositionRequest,
} from "@adgen/schemas";
import { z } from "zod";
import { clipAnalysisSchema } from "@adgen/agents";

const cardDurationSchema = z
  .number()
  .min(0.5, { error: "A card lasts at least 0.5 seconds" })
  .max(3, { error: "A card lasts at most 3 seconds" });

export const composeClipSchema = z.object({
  /** A local video file; any size, frame rate and SAR. */
  file: z.string().min(1),
  /** How much of the clip to use, from its start (the clip may be longer). */
  durationSec: z
    .number()
    .min(1, { error: "A clip must last at least 1 second" })
    .max(30, { error: "A clip lasts at most 30 seconds" }),
  /** The video analyst's description; places the title away from the product. */
  analysis: clipAnalysisSchema.optional(),
});
export type ComposeClip = z.infer<typeof composeClipSchema>;

export const composeInputSchema = z.object({
  /** In the user's order. */
  clips: z
    .array(composeClipSchema)
    .min(1, { error: "An ad needs at least one clip" })
    .max(8, { error: "An ad has at most 8 clips" }),
  /** Approved product images (PNG/JPEG); card backgrounds are made from them. */
  stills: z.array(z.string().min(1)).min(1, { error: "An ad needs at least one product image" }),
  productName: z.string().trim().min(1, { error: "The product name is empty" }).max(80),
  cta: z.string().trim().min(1, { error: "The call to action is empty" }).max(80),
  font: overlayFontSchema,
  color: hexColorSchema,
  introDurationSec: cardDurationSchema,
  outroDurationSec: cardDurationSchema,
  aspectRatio: aspectRatioSchema,
  /** A WAV at least as long as the ad (see planTimeline), or null for a silent ad. */
  musicFile: z.string().min(1).nullable(),
  outputFile: z.string().min(1),
});
export type ComposeInput = z.input<typeof composeInputSchema>;
export type ParsedComposeInput = z.output<typeof composeInputSchema>;

export interface ComposeProgress {
  /** 0–100, never going back. */
  percent: number;
  message: string;
}

export interface ComposeOptions {
  onProgress?: (progress: ComposeProgress) => void;
  signal?: AbortSignal;
  /**
   * When the music is still being made as the composition starts: settles once `musicFile`
   * is written. The clips are checked and the text rendered meanwhile, the music read once
   * it is there; a rejection fails the composition with its error.
   */
  musicReady?: Promise<unknown>;
}

/** What ffprobe says about the written file. */
export interface ComposeResult {
  durationSec: number;
  width: number;
  height: number;
  fps: number;
  sizeBytes: number;
  hasAudio: boolean;
  videoCodec: string;
  profile: string;
  pixFmt: string;
  /** Container, e.g. "mp4". */
  format: string;
}

/**
 * The ad's text, look and format as the user asked for them, in the compositor's terms: the
 * one mapping from a stored composition request, shared by the compose job and the benchmarks.
 */
export function requestedLook(
  request: Pick<
    CompositionRequest,
    "textOverlay" | "introDuration" | "outroDuration" | "aspectRatio"
  >,
): Pick<
  ComposeInput,
  "productName" | "cta" | "font" | "color" | "introDurationSec" | "outroDurationSec" | "aspectRatio"
> {
  return {
    productName: request.textOverlay.productName,
    cta: request.textOverlay.cta,
    font: request.textOverlay.font,
    color: request.textOverlay.color,
    introDurationSec: request.introDuration,
    outroDurationSec: request.outroDuration,
    aspectRatio: request.aspectRatio,
  };
}
