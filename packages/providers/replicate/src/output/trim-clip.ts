import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  h264OutputOptions,
  probeMedia,
  runFfmpeg,
  withTempDir,
  type MediaInfo,
} from "@adgen/media";

export interface TrimmedClip {
  bytes: Buffer;
  width: number;
  height: number;
  fps: number;
  durationSec: number;
  /** True when the clip had to be re-encoded (stream copy could not cut it exactly). */
  reencoded: boolean;
}

/** Close enough to the asked length: within one frame. */
const exact = (info: MediaInfo, seconds: number, fps: number) =>
  info.durationSec !== null && Math.abs(info.durationSec - seconds) <= 1 / fps + 1e-3;

/**
 * Cuts a model's clip (usually 5 s) to exactly `seconds` from its start. A stream copy
 * keeps the model's pixels untouched and costs almost nothing; only when it cannot land
 * within a frame of the asked length (or the clip is too short) is the clip re-encoded,
 * padding with the last frame when short. Audio is dropped: the ad's music comes later.
 */
export async function trimClip(
  source: Buffer,
  seconds: number,
  signal?: AbortSignal,
): Promise<TrimmedClip> {
  return withTempDir(async (dir) => {
    const input = path.join(dir, "model.mp4");
    await writeFile(input, source);
    const original = await probeMedia(input, { signal });
    const fps = original.fps ?? 24;
    const copy = path.join(dir, "copy.mp4");
    await runFfmpeg({
      inputs: [{ file: input }],
      outputOptions: [
        "-t",
        String(seconds),
        "-map",
        "0:v:0",
        "-c",
        "copy",
        "-an",
        "-movflags",
        "+faststart",
      ],
      output: copy,
      signal,
    });
    let info = await probeMedia(copy, { signal });
    let output = copy;
    const reencoded = !exact(info, seconds, fps);
    if (reencoded) {
      output = path.join(dir, "encoded.mp4");
      const frames = Math.round(seconds * fps);
      await runFfmpeg({
        inputs: [{ file: input }],
        filterGraph: `[0:v:0]tpad=stop_mode=clone:stop_duration=${seconds}[v]`,
        outputOptions: ["-map", "[v]", "-an", ...h264OutputOptions({ fps, frameCount: frames })],
        output,
        signal,
      });
      info = await probeMedia(output, { signal });
    }
    return {
      bytes: await readFile(output),
      width: info.width ?? original.width ?? 0,
      height: info.height ?? original.height ?? 0,
      fps: info.fps ?? fps,
      durationSec: info.durationSec ?? seconds,
      reencoded,
    };
  });
}
