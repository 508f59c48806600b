import path from "node:path";
import { finalVideoOutputOptions, writeComposedFrames, type ComposeInput } from "@adgen/compositor";
import { runFfmpeg } from "@adgen/media";
import { measure, type Measurement } from "./cpu-time";

export interface RawFrames {
  file: string;
  width: number;
  height: number;
  frames: number;
}

/**
 * Writes the frames composeAd encodes, raw (not timed), so the floor encodes exactly the same
 * pictures: x264's speed depends on the content, and a test pattern, or the ad decoded after
 * a first encode (smoother, so cheaper to encode again), would move the floor.
 */
export async function composedFrames(input: ComposeInput, dir: string): Promise<RawFrames> {
  const file = path.join(dir, "composed.yuv");
  const written = await writeComposedFrames(input, file);
  return { file, ...written };
}

/** Encodes a raw yuv420p file (a trivial source: no decoding, no filters) with `outputOptions`. */
export function encodeRawFile(
  raw: { file: string; width: number; height: number; fps?: number },
  outputOptions: string[],
  output: string,
) {
  return runFfmpeg({
    inputs: [
      {
        file: raw.file,
        options: [
          "-f",
          "rawvideo",
          "-pix_fmt",
          "yuv420p",
          "-s",
          `${raw.width}x${raw.height}`,
          "-r",
          String(raw.fps ?? 30),
        ],
      },
    ],
    outputOptions: ["-y", "-map", "0:v", ...outputOptions],
    output,
  });
}

/** The encode floor: the same frames from a trivial source, same encoder settings. */
export function measureEncodeFloor(raw: RawFrames, dir: string): Promise<Measurement> {
  return measure(() =>
    encodeRawFile(raw, finalVideoOutputOptions(raw.frames), path.join(dir, "floor.mp4")),
  );
}
