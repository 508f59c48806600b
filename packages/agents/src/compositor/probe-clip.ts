import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { fileUrl, locateMediaBinaries, MediaError } from "@adgen/media";
import { z } from "zod";
import type { SourceGeometry } from "./clip-framing";

const run = promisify(execFile);

const probeSchema = z.object({
  streams: z
    .array(
      z.object({
        width: z.number().optional(),
        height: z.number().optional(),
        sample_aspect_ratio: z.string().optional(),
        duration: z.string().optional(),
        tags: z.record(z.string(), z.string()).optional(),
        side_data_list: z.array(z.object({ rotation: z.number().optional() })).optional(),
      }),
    )
    .default([]),
  format: z.object({ duration: z.string().optional() }).optional(),
});

export interface ClipSource extends SourceGeometry {
  durationSec: number;
}

/** "64:45" → 1.4222; "0:1" and "N/A" (unknown) → 1. */
function parseRatio(ratio: string | undefined): number {
  const [num, den] = (ratio ?? "").split(":").map(Number);
  return num && den && num > 0 && den > 0 ? num / den : 1;
}

/**
 * What the framing needs and probeMedia does not report: the sample aspect ratio and rotation.
 * ffmpeg auto-rotates phone videos while decoding, so a ±90° clip reaches the filters with its
 * sides swapped.
 */
export async function probeClipSource(file: string, signal?: AbortSignal): Promise<ClipSource> {
  let stdout: string;
  try {
    ({ stdout } = await run(
      locateMediaBinaries().ffprobe.path,
      [
        "-v",
        "error",
        "-select_streams",
        "v:0",
        "-show_entries",
        "stream=width,height,sample_aspect_ratio,duration:stream_tags=rotate:stream_side_data=rotation:format=duration",
        "-of",
        "json",
        fileUrl(file),
      ],
      { signal, timeout: 30_000, maxBuffer: 4 * 1024 * 1024 },
    ));
  } catch (error) {
    throw new MediaError("PROBE_FAILED", "A clip could not be read as video", { cause: error });
  }
  const probe = probeSchema.parse(JSON.parse(stdout));
  const stream = probe.streams[0];
  if (!stream?.width || !stream.height) throw new MediaError("BAD_INPUT", "A clip has no video");
  const rotation =
    stream.side_data_list?.find((entry) => entry.rotation !== undefined)?.rotation ??
    Number(stream.tags?.rotate ?? 0);
  const quarterTurn = Math.abs(Math.round(rotation / 90)) % 2 === 1;
  const sar = parseRatio(stream.sample_aspect_ratio);
  const durationSec = Number(probe.format?.duration ?? stream.duration ?? Number.NaN);
  if (!Number.isFinite(durationSec)) throw new MediaError("BAD_INPUT", "A clip has no duration");
  return quarterTurn
    ? { width: stream.height, height: stream.width, sar: 1 / sar, durationSec }
    : { width: stream.width, height: stream.height, sar, durationSec };
}
