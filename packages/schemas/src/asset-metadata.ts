import { z } from "zod";
import { clipAnalysisSchema, sceneSchema } from "./agent-outputs";
import { musicGenreSchema, type AssetType } from "./enums";
import { compositionRequestSchema, runIdSchema } from "./session-json";

/** `assets.metadata` of an image: how it was asked for, and its place in the planned views. */
export const imageMetadataSchema = z.object({
  prompt: z.string(),
  negativePrompt: z.string(),
  runId: runIdSchema,
  /** Index in the parsed prompt's views: images finish in any order, they show in this one. */
  viewIndex: z.number().int().nonnegative(),
});
export type ImageMetadata = z.infer<typeof imageMetadataSchema>;

/** `assets.metadata` of a clip: its scene, and the analysis composition places text by. */
export const videoMetadataSchema = z.object({
  scene: sceneSchema,
  analysis: clipAnalysisSchema,
  runId: runIdSchema,
});
export type VideoMetadata = z.infer<typeof videoMetadataSchema>;

/** `assets.metadata` of a music bed. */
export const audioMetadataSchema = z.object({
  genre: musicGenreSchema,
  runId: runIdSchema,
});
export type AudioMetadata = z.infer<typeof audioMetadataSchema>;

/** `assets.metadata` of a final video: what was asked for and what ffprobe found. */
export const finalVideoMetadataSchema = z.object({
  runId: runIdSchema,
  request: compositionRequestSchema,
  hasAudio: z.boolean(),
  videoCodec: z.string(),
  profile: z.string(),
  pixFmt: z.string(),
});
export type FinalVideoMetadata = z.infer<typeof finalVideoMetadataSchema>;

/** The metadata each asset type holds (`assets.type` says which one a row has). */
export interface AssetMetadataByType {
  image: ImageMetadata;
  video: VideoMetadata;
  audio: AudioMetadata;
  final_video: FinalVideoMetadata;
}

/** The metadata of one asset type, or of any when `T` is left open. */
export type AssetMetadata<T extends AssetType = AssetType> = AssetMetadataByType[T];

/** The metadata schema of each asset type. */
export const assetMetadataSchemas: { [T in AssetType]: z.ZodType<AssetMetadataByType[T]> } = {
  image: imageMetadataSchema,
  video: videoMetadataSchema,
  audio: audioMetadataSchema,
  final_video: finalVideoMetadataSchema,
};
