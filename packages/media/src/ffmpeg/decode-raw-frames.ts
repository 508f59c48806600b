import { readFile } from "node:fs/promises";
import path from "node:path";
import { MediaError } from "../errors";
import { withTempDir } from "../temp-dir";
import { probeMedia } from "./probe";
import { runFfmpeg } from "./run-ffmpeg";

export interface DecodeRawFramesOptions {
  /** A video file. */
  file: string;
  /** Output width; the height follows the source's aspect (kept even). */
  width: number;
  /** Resample to this rate first (e.g. 2 for an overview); omitted keeps every frame. */
  fps?: number;
  pixelFormat?: "rgb24" | "gray";
  signal?: AbortSignal;
}

export interface DecodedFrames {
  width: number;
  height: number;
  /** Frames per second of `frames` (the source's rate unless `fps` was given). */
  fps: number;
  /** The source's duration in seconds. */
  durationSec: number;
  frames: Buffer[];
}

/** Decodes a video into small raw frames for analysis in JavaScript. */
export async function decodeRawFrames(options: DecodeRawFramesOptions): Promise<DecodedFrames> {
  const info = await probeMedia(options.file, { signal: options.signal });
  if (!info.width || !info.height || !info.durationSec) {
    throw new MediaError("BAD_INPUT", "The file has no video to analyse");
  }
  const width = Math.max(2, Math.round(options.width / 2) * 2);
  const height = Math.max(2, Math.round((width * info.height) / info.width / 2) * 2);
  const pixelFormat = options.pixelFormat ?? "rgb24";
  const filters = [
    ...(options.fps ? [`fps=${options.fps}`] : []),
    `scale=${width}:${height}:flags=area`,
    `format=${pixelFormat}`,
  ];
  return withTempDir(async (dir) => {
    const output = path.join(dir, "frames.raw");
    await runFfmpeg({
      inputs: [{ file: options.file }],
      outputOptions: ["-an", "-vf", filters.join(","), "-f", "rawvideo"],
      output,
      expectedDurationSec: info.durationSec ?? undefined,
      signal: options.signal,
    });
    const raw = await readFile(output);
    const frameBytes = width * height * (pixelFormat === "gray" ? 1 : 3);
    const frames: Buffer[] = [];
    for (let offset = 0; offset + frameBytes <= raw.length; offset += frameBytes) {
      frames.push(raw.subarray(offset, offset + frameBytes));
    }
    return {
      width,
      height,
      fps: options.fps ?? info.fps ?? 30,
      durationSec: info.durationSec ?? 0,
      frames,
    };
  });
}
