import { z } from "zod";
import { MediaError } from "../errors";
import { locateMediaBinaries } from "./binaries";
import { execTool } from "./exec-tool";
import { fileUrl } from "./file-url";

/** The parts of `ffprobe -print_format json` we read; ffprobe prints numbers as strings. */
const numeric = z.union([z.number(), z.string()]).optional();
const ffprobeOutputSchema = z.object({
  streams: z
    .array(
      z.object({
        codec_type: z.string().optional(),
        codec_name: z.string().optional(),
        profile: z.string().optional(),
        width: z.number().optional(),
        height: z.number().optional(),
        pix_fmt: z.string().optional(),
        avg_frame_rate: z.string().optional(),
        r_frame_rate: z.string().optional(),
        nb_frames: numeric,
        sample_rate: numeric,
        channels: z.number().optional(),
        channel_layout: z.string().optional(),
        duration: numeric,
        sample_aspect_ratio: z.string().optional(),
        /** Older muxers store a phone's rotation as a tag; newer ones as display-matrix side data. */
        tags: z.object({ rotate: numeric }).optional(),
        side_data_list: z.array(z.object({ rotation: numeric })).optional(),
      }),
    )
    .default([]),
  format: z.object({
    format_name: z.string(),
    duration: numeric,
    size: numeric,
  }),
});

export const mediaInfoSchema = z.object({
  /** null for stills, which have no duration. */
  durationSec: z.number().nonnegative().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  fps: z.number().positive().nullable(),
  frameCount: z.number().int().nonnegative().nullable(),
  videoCodec: z.string().nullable(),
  profile: z.string().nullable(),
  pixFmt: z.string().nullable(),
  /** Pixel shape as stored (64/45 for anamorphic PAL); 1 when square or unknown, null without video. */
  sampleAspectRatio: z.number().positive().nullable(),
  /**
   * Display rotation in degrees (a phone clip filmed upright: ±90). Width and height are as
   * stored; ffmpeg rotates while decoding, so filters see the sides swapped on a quarter turn.
   */
  rotationDeg: z.number(),
  hasAudio: z.boolean(),
  audioCodec: z.string().nullable(),
  audioSampleRate: z.number().int().nullable(),
  audioChannels: z.number().int().nullable(),
  /** e.g. "stereo"; null when ffmpeg cannot tell (a plain 2-channel WAV reads as unknown). */
  audioChannelLayout: z.string().nullable(),
  formatName: z.string(),
  sizeBytes: z.number().int().nonnegative(),
});
export type MediaInfo = z.infer<typeof mediaInfoSchema>;

function toNumber(value: string | number | undefined): number | null {
  if (value === undefined || value === "N/A") return null;
  const parsed = typeof value === "number" ? value : Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

/** "30000/1001" → 29.97; "0/0" (unknown) → null. */
export function parseFrameRate(rate: string | undefined): number | null {
  if (!rate) return null;
  const [num, den] = rate.split("/").map(Number);
  if (num === undefined || !Number.isFinite(num) || num <= 0) return null;
  const value = den === undefined ? num : num / den;
  return Number.isFinite(value) && value > 0 ? value : null;
}

/** "64:45" → 1.4222; "0:1", "N/A" and missing (unknown) → 1. */
function parseAspectRatio(ratio: string | undefined): number {
  const [num, den] = (ratio ?? "").split(":").map(Number);
  return num && den && num > 0 && den > 0 ? num / den : 1;
}

export function mediaInfoFromFfprobe(json: unknown): MediaInfo {
  const probe = ffprobeOutputSchema.parse(json);
  const video = probe.streams.find((s) => s.codec_type === "video");
  const audio = probe.streams.find((s) => s.codec_type === "audio");
  const isStill = video !== undefined && /_pipe$|^image2$/.test(probe.format.format_name);
  const duration =
    toNumber(probe.format.duration) ?? toNumber(video?.duration) ?? toNumber(audio?.duration);
  return mediaInfoSchema.parse({
    durationSec: isStill ? null : duration,
    width: video?.width ?? null,
    height: video?.height ?? null,
    fps: isStill
      ? null
      : (parseFrameRate(video?.avg_frame_rate) ?? parseFrameRate(video?.r_frame_rate)),
    frameCount: toNumber(video?.nb_frames),
    videoCodec: video?.codec_name ?? null,
    profile: video?.profile ?? null,
    pixFmt: video?.pix_fmt ?? null,
    sampleAspectRatio: video ? parseAspectRatio(video.sample_aspect_ratio) : null,
    rotationDeg:
      toNumber(video?.side_data_list?.find((entry) => entry.rotation !== undefined)?.rotation) ??
      toNumber(video?.tags?.rotate) ??
      0,
    hasAudio: audio !== undefined,
    audioCodec: audio?.codec_name ?? null,
    audioSampleRate: toNumber(audio?.sample_rate),
    audioChannels: audio?.channels ?? null,
    audioChannelLayout:
      audio?.channel_layout && audio.channel_layout !== "unknown" ? audio.channel_layout : null,
    formatName: probe.format.format_name,
    sizeBytes: toNumber(probe.format.size) ?? 0,
  });
}

/** Describes a media file with ffprobe: what the pipeline stores and what tests assert on. */
export async function probeMedia(
  file: string,
  options: { signal?: AbortSignal } = {},
): Promise<MediaInfo> {
  const ffprobe = locateMediaBinaries().ffprobe.path;
  let stdout: string;
  try {
    stdout = await execTool(
      ffprobe,
      ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", fileUrl(file)],
      options,
    );
  } catch (error) {
    if (error instanceof MediaError && error.code !== "FFMPEG_FAILED") throw error;
    throw new MediaError("PROBE_FAILED", "The file could not be read as audio, video or an image", {
      cause: error,
      stderr: error instanceof MediaError ? error.stderr : undefined,
    });
  }
  return mediaInfoFromFfprobe(JSON.parse(stdout));
}
