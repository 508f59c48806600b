import { MediaError, probeMedia, type MediaInfo } from "@adgen/media";
import type { SourceGeometry } from "./clip-framing";
import { readMp4Geometry } from "./mp4-geometry";

export interface ClipSource extends SourceGeometry {
  durationSec: number;
}

/**
 * The geometry the framing works on. ffmpeg auto-rotates phone videos while decoding, so a
 * ±90° clip reaches the filters with its sides swapped (and its pixel shape inverted).
 */
export function clipSourceFrom(info: MediaInfo): ClipSource {
  const { width, height, durationSec } = info;
  if (!width || !height) throw new MediaError("BAD_INPUT", "A clip has no video");
  if (durationSec === null) throw new MediaError("BAD_INPUT", "A clip has no duration");
  const sar = info.sampleAspectRatio ?? 1;
  const quarterTurn = Math.abs(Math.round(info.rotationDeg / 90)) % 2 === 1;
  return quarterTurn
    ? { width: height, height: width, sar: 1 / sar, durationSec }
    : { width, height, sar, durationSec };
}

/** From the MP4 header when it is unambiguous (no process start-up), else from ffprobe. */
export async function probeClipSource(file: string, signal?: AbortSignal): Promise<ClipSource> {
  return (await readMp4Geometry(file)) ?? clipSourceFrom(await probeMedia(file, { signal }));
}
