import { z } from "zod";

/** Value arrays live here once and feed both the database enums and the zod schemas. */
export const STAGES = [
  "created",
  "image_generation",
  "image_selection",
  "clip_generation",
  "clip_selection",
  "final_composition",
  "complete",
  "failed",
] as const;
export const stageSchema = z.enum(STAGES);
export type Stage = z.infer<typeof stageSchema>;

export const ASSET_TYPES = ["image", "video", "audio", "final_video"] as const;
export const assetTypeSchema = z.enum(ASSET_TYPES);
export type AssetType = z.infer<typeof assetTypeSchema>;

export const MUSIC_GENRES = ["upbeat", "chill", "energetic"] as const;
export const musicGenreSchema = z.enum(MUSIC_GENRES);
export type MusicGenre = z.infer<typeof musicGenreSchema>;

export const ASPECT_RATIOS = ["16:9", "9:16", "1:1"] as const;
export const aspectRatioSchema = z.enum(ASPECT_RATIOS);
export type AspectRatio = z.infer<typeof aspectRatioSchema>;

/** Display fonts bundled with the media package (TTF files shipped through npm). */
export const OVERLAY_FONTS = ["montserrat", "poppins", "bebas-neue", "anton"] as const;
export const overlayFontSchema = z.enum(OVERLAY_FONTS);
export type OverlayFont = z.infer<typeof overlayFontSchema>;

export const VIEW_TYPES = [
  "front",
  "side",
  "back",
  "top",
  "detail",
  "lifestyle",
  "three_quarter",
  "in_use",
] as const;
export const viewTypeSchema = z.enum(VIEW_TYPES);
export type ViewType = z.infer<typeof viewTypeSchema>;
