import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rename } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { locateMediaBinaries } from "@adgen/media";

const run = promisify(execFile);

export type FixtureKind = "png" | "mp4" | "wav";

export interface FixtureOptions {
  /** mp4 and wav only. */
  durationSec?: number;
  /** png and mp4: "1280x720". */
  size?: string;
}

const CONTENT_TYPES: Record<FixtureKind, string> = {
  png: "image/png",
  mp4: "video/mp4",
  wav: "audio/wav",
};

export function fixtureContentType(kind: FixtureKind): string {
  return CONTENT_TYPES[kind];
}

/** ffmpeg arguments that make a small real file of each kind, as models return them. */
function fixtureArgs(kind: FixtureKind, options: FixtureOptions, file: string): string[] {
  const duration = options.durationSec ?? 5;
  switch (kind) {
    case "png":
      return [
        ...["-f", "lavfi", "-i", `testsrc2=s=${options.size ?? "1024x1024"}:r=1`],
        ...["-frames:v", "1", file],
      ];
    case "mp4":
      // 24 fps with a key frame every second and no audio, as image-to-video models deliver.
      return [
        ...["-f", "lavfi", "-i", `testsrc2=s=${options.size ?? "1280x720"}:r=24:d=${duration}`],
        ...["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "24"],
        ...["-movflags", "+faststart", file],
      ];
    case "wav":
      // MusicGen's stereo models answer 32 kHz stereo WAV.
      return [
        ...["-f", "lavfi", "-i", `sine=frequency=220:sample_rate=32000:duration=${duration}`],
        ...["-ac", "2", "-c:a", "pcm_s16le", file],
      ];
  }
}

/** Makes (once per folder) a real PNG / MP4 / WAV file and returns its path. */
export async function makeFixture(
  dir: string,
  kind: FixtureKind,
  options: FixtureOptions = {},
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const name = `${kind}-${options.size ?? "default"}-${options.durationSec ?? "default"}.${kind}`;
  const file = path.join(dir, name);
  if (existsSync(file)) return file;
  // Unique per call: two requests for the same fixture may run ffmpeg at once.
  const partial = `${file}.part.${process.pid}.${randomBytes(4).toString("hex")}.${kind}`;
  await run(locateMediaBinaries().ffmpeg.path, [
    "-v",
    "error",
    "-y",
    ...fixtureArgs(kind, options, partial),
  ]);
  await rename(partial, file);
  return file;
}
