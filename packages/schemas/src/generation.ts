import { z } from "zod";
import { boundedText, idSchema } from "./common";
import { aspectRatioSchema, musicGenreSchema, overlayFontSchema } from "./enums";

export const styleKeywordsSchema = z
  .array(boundedText("A style keyword", 1, 30), { error: "Style keywords must be a list" })
  .max(10, { error: "At most 10 style keywords" })
  .default([]);

export const generateImagesInput = z.object({
  sessionId: idSchema,
  productPrompt: boundedText("Product description", 3, 200),
  numImages: z
    .number({ error: "Number of images must be a number" })
    .int({ error: "Number of images must be a whole number" })
    .min(4, { error: "Generate at least 4 images" })
    .max(8, { error: "Generate at most 8 images" })
    .default(6),
  styleKeywords: styleKeywordsSchema,
});
export type GenerateImagesInput = z.infer<typeof generateImagesInput>;

export const saveApprovedImagesInput = z.object({
  sessionId: idSchema,
  approvedImageIds: z
    .array(idSchema)
    .min(2, { error: "Approve at least 2 images" })
    .max(8, { error: "At most 8 images can be approved" })
    .refine((ids) => new Set(ids).size === ids.length, { error: "An image is listed twice" }),
});
export type SaveApprovedImagesInput = z.infer<typeof saveApprovedImagesInput>;

export const generateClipsInput = z.object({
  sessionId: idSchema,
  videoPrompt: boundedText("Video description", 10, 300),
  clipDuration: z
    .number({ error: "Clip duration must be a number" })
    .min(2, { error: "Clips must be at least 2 seconds" })
    .max(4, { error: "Clips must be at most 4 seconds" })
    .default(3),
});
export type GenerateClipsInput = z.infer<typeof generateClipsInput>;

export const saveApprovedClipsInput = z
  .object({
    sessionId: idSchema,
    approvedClipIds: z.array(idSchema).min(1, { error: "Approve at least 1 clip" }).max(8),
    clipOrder: z.array(idSchema).max(8),
  })
  .superRefine((value, ctx) => {
    const approved = new Set(value.approvedClipIds);
    if (approved.size !== value.approvedClipIds.length) {
      ctx.addIssue({
        code: "custom",
        path: ["approvedClipIds"],
        message: "A clip is listed twice",
      });
    }
    const ordered = new Set(value.clipOrder);
    const sameSet =
      ordered.size === value.clipOrder.length &&
      ordered.size === approved.size &&
      [...ordered].every((id) => approved.has(id));
    if (!sameSet) {
      ctx.addIssue({
        code: "custom",
        path: ["clipOrder"],
        message: "The order must list each approved clip exactly once",
      });
    }
  });
export type SaveApprovedClipsInput = z.infer<typeof saveApprovedClipsInput>;

export const hexColorSchema = z
  .string()
  .regex(/^#[0-9A-Fa-f]{6}$/, { error: "Colour must look like #RRGGBB" })
  .transform((v) => v.toUpperCase());

export const textOverlaySchema = z.object({
  productName: boundedText("Product name", 1, 50),
  cta: boundedText("Call to action", 1, 30),
  font: overlayFontSchema.default("montserrat"),
  color: hexColorSchema.default("#FFFFFF"),
});
export type TextOverlay = z.infer<typeof textOverlaySchema>;

export const audioSettingsSchema = z.object({
  enabled: z.boolean().default(false),
  genre: musicGenreSchema.default("upbeat"),
});
export type AudioSettings = z.infer<typeof audioSettingsSchema>;

const cardDuration = (label: string) =>
  z
    .number({ error: `${label} duration must be a number` })
    .min(0.5, { error: `${label} must be at least 0.5 seconds` })
    .max(3, { error: `${label} must be at most 3 seconds` })
    .default(1);

export const composeFinalVideoInput = z.object({
  sessionId: idSchema,
  textOverlay: textOverlaySchema,
  audio: audioSettingsSchema.default({ enabled: false, genre: "upbeat" }),
  introDuration: cardDuration("Intro"),
  outroDuration: cardDuration("Outro"),
  aspectRatio: aspectRatioSchema.default("16:9"),
});
export type ComposeFinalVideoInput = z.infer<typeof composeFinalVideoInput>;

export const progressInput = z.object({
  sessionId: idSchema,
  lastEventId: z.string().max(40).optional(),
});
export type ProgressInput = z.infer<typeof progressInput>;
