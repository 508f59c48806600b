import {
  aspectRatioSchema,
  composeFinalVideoInput,
  generateClipsInput,
  generateImagesInput,
  hexColorSchema,
  musicGenreSchema,
  overlayFontSchema,
  styleKeywordsSchema,
  textOverlaySchema,
} from "@adgen/schemas";
import { z } from "zod";

/**
 * One ad, described the way `createAd`, `adgen make` and each line of `adgen batch` take it.
 * Built from the API's own input schemas, so a line is refused here with the same message
 * the server would give, before anything is spent.
 */
export const adSpecSchema = z.object({
  productPrompt: generateImagesInput.shape.productPrompt,
  videoPrompt: generateClipsInput.shape.videoPrompt,
  productName: textOverlaySchema.shape.productName,
  cta: textOverlaySchema.shape.cta,
  numImages: generateImagesInput.shape.numImages.unwrap().optional(),
  clipDuration: generateClipsInput.shape.clipDuration.unwrap().optional(),
  /** A music genre, or null/"none" for no music. */
  music: z
    .union([musicGenreSchema, z.literal("none"), z.null()], {
      error: `Music must be one of: ${musicGenreSchema.options.join(", ")}, none`,
    })
    .optional(),
  aspectRatio: aspectRatioSchema.optional(),
  font: overlayFontSchema.optional(),
  color: hexColorSchema.optional(),
  styleKeywords: styleKeywordsSchema.unwrap().optional(),
  introDuration: composeFinalVideoInput.shape.introDuration.unwrap().optional(),
  outroDuration: composeFinalVideoInput.shape.outroDuration.unwrap().optional(),
});
export type AdSpec = z.input<typeof adSpecSchema>;
export type ParsedAdSpec = z.output<typeof adSpecSchema>;

/** The spec's field errors keyed by field, or the parsed spec. */
export function checkAdSpec(
  input: unknown,
): { ok: true; spec: ParsedAdSpec } | { ok: false; fieldErrors: Record<string, string[]> } {
  const parsed = adSpecSchema.safeParse(input);
  if (parsed.success) return { ok: true, spec: parsed.data };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.join(".") || "(spec)";
    (fieldErrors[field] ??= []).push(issue.message);
  }
  return { ok: false, fieldErrors };
}
