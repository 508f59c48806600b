import { readFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { MediaError } from "../errors";
import { withTempDir } from "../temp-dir";
import { h264OutputOptions, type H264OutputSettings } from "./h264-output";
import type { FfmpegProgress } from "./progress";
import { runFfmpeg } from "./run-ffmpeg";

export type RawPixelFormat = "rgba" | "bgra" | "rgb24";
const BYTES_PER_PIXEL: Record<RawPixelFormat, number> = { rgba: 4, bgra: 4, rgb24: 3 };

export interface EncodeRawFramesOptions extends Omit<H264OutputSettings, "frameCount"> {
  width: number;
  height: number;
  /** Exactly this many frames must come from `frames`. */
  frameCount: number;
  /** One buffer per frame, in order (e.g. `canvas.data()` from @napi-rs/canvas). */
  frames: Iterable<Uint8Array> | AsyncIterable<Uint8Array>;
  /** @napi-rs/canvas `data()` is RGBA; defaults to that. */
  pixelFormat?: RawPixelFormat;
  signal?: AbortSignal;
  timeoutMs?: number;
  onProgress?: (progress: FfmpegProgress) => void;
}

/** Checks every frame's size and the count, remembering the first problem for a clear error. */
async function* checkedFrames(
  options: EncodeRawFramesOptions,
  problem: { error?: MediaError },
): AsyncGenerator<Uint8Array> {
  const frameBytes =
    options.width * options.height * BYTES_PER_PIXEL[options.pixelFormat ?? "rgba"];
  let count = 0;
  for await (const frame of options.frames) {
    count += 1;
    if (frame.byteLength !== frameBytes || count > options.frameCount) {
      problem.error = new MediaError(
        "BAD_INPUT",
        count > options.frameCount
          ? `More than the declared ${options.frameCount} frames were supplied`
          : `Frame ${count} has ${frame.byteLength} bytes; ${options.width}×${options.height} needs ${frameBytes}`,
      );
      throw problem.error;
    }
    yield frame;
  }
  if (count !== options.frameCount) {
    problem.error = new MediaError(
      "BAD_INPUT",
      `Only ${count} of the declared ${options.frameCount} frames were supplied`,
    );
  }
}

/** Encodes raw frames piped to ffmpeg's stdin into an H.264 MP4 file. */
export async function encodeRawFramesToFile(
  options: EncodeRawFramesOptions,
  output: string,
): Promise<void> {
  if (options.width % 2 !== 0 || options.height % 2 !== 0) {
    throw new MediaError("BAD_INPUT", "H.264 (yuv420p) needs an even width and height");
  }
  const problem: { error?: MediaError } = {};
  const stream = Readable.from(checkedFrames(options, problem), { objectMode: false });
  try {
    await runFfmpeg({
      inputs: [
        {
          stream,
          options: [
            "-f",
            "rawvideo",
            "-pix_fmt",
            options.pixelFormat ?? "rgba",
            "-s",
            `${options.width}x${options.height}`,
            "-framerate",
            String(options.fps),
          ],
        },
      ],
      outputOptions: ["-an", ...h264OutputOptions({ ...options, frameCount: options.frameCount })],
      output,
      expectedDurationSec: options.frameCount / options.fps,
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      onProgress: options.onProgress,
    });
  } catch (error) {
    throw problem.error ?? error;
  }
  if (problem.error) throw problem.error;
}

/** Same as encodeRawFramesToFile, returning the MP4 bytes. */
export function encodeRawFrames(options: EncodeRawFramesOptions): Promise<Buffer> {
  return withTempDir(async (dir) => {
    const output = path.join(dir, "frames.mp4");
    await encodeRawFramesToFile(options, output);
    return readFile(output);
  });
}
