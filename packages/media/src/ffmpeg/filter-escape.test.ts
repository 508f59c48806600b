import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MediaError } from "../errors";
import { escapeFilterValue } from "./filter-escape";
import { h264OutputOptions } from "./h264-output";
import { probeMedia } from "./probe";
import { runFfmpeg } from "./run-ffmpeg";
import { makeTestClip } from "./test-media";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "escape-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("escapeFilterValue", () => {
  it("escapes for the option parser, then for the graph parser", () => {
    expect(escapeFilterValue("plain.mp4")).toBe("plain.mp4");
    // ":" is special to options only → one backslash, which the graph level escapes again.
    expect(escapeFilterValue("a:b")).toBe("a\\\\:b");
    // "," is special to the graph only.
    expect(escapeFilterValue("a,b")).toBe("a\\,b");
    expect(escapeFilterValue("it's")).toBe("it\\\\\\'s");
  });

  it("refuses line breaks and other control characters", () => {
    expect(() => escapeFilterValue("two\nlines")).toThrow(MediaError);
    expect(() => escapeFilterValue("tab\there")).toThrow(/control characters/);
  });

  // The real test: ffmpeg must open a file whose name holds every character special to it.
  it("lets ffmpeg's movie source open a file named with every special character", async () => {
    const clip = await makeTestClip(dir, { seconds: 1, width: 64, height: 48, audio: false });
    const strangeDir = path.join(dir, " odd [dir]; a,b ");
    await mkdir(strangeDir);
    const strange = path.join(
      strangeDir,
      `It's "50%" off: C:\\deals\\ [x]; a,b {y} %{localtime} 100% `,
    );
    await copyFile(clip, strange);
    const output = path.join(dir, "from-movie.mp4");
    await runFfmpeg({
      inputs: [{ spec: "color=c=black:size=64x48:rate=30:duration=1", options: ["-f", "lavfi"] }],
      filterGraph: `movie=filename=${escapeFilterValue(strange)}[m];[0:v][m]overlay=0:0:shortest=1[v]`,
      outputOptions: ["-map", "[v]", ...h264OutputOptions({ fps: 30, preset: "ultrafast" })],
      output,
    });
    const info = await probeMedia(output);
    expect(info.frameCount).toBe(30);
  });
});
