import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isMediaError } from "../errors";
import { h264OutputOptions } from "./h264-output";
import { probeMedia } from "./probe";
import { parseProgressLine, parseTimemark, type FfmpegProgress } from "./progress";
import { runFfmpeg } from "./run-ffmpeg";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "run-ffmpeg-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const colour = (seconds: number, rate = 30) => ({
  spec: `color=c=navy:size=160x120:rate=${rate}:duration=${seconds}`,
  options: ["-f", "lavfi"],
});

describe("runFfmpeg", () => {
  it("runs a long filtergraph from a script file and reports progress up to 100 %", async () => {
    const output = path.join(dir, "graph.mp4");
    const progress: FfmpegProgress[] = [];
    // 400 chained filters: far longer than anyone would put on a command line.
    const graph = `[0:v]${Array.from({ length: 400 }, () => "null").join(",")},drawbox=x=10:y=10:w=40:h=40:c=yellow:t=fill[v]`;
    await runFfmpeg({
      inputs: [colour(4)],
      filterGraph: graph,
      outputOptions: ["-map", "[v]", ...h264OutputOptions({ fps: 30, preset: "ultrafast" })],
      output,
      expectedDurationSec: 4,
      onProgress: (p) => progress.push(p),
    });
    const info = await probeMedia(output);
    expect(info.durationSec).toBeCloseTo(4, 1);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)?.percent).toBeGreaterThanOrEqual(99);
    const percents = progress.map((p) => p.percent ?? 0);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
  });

  it("fails with FFMPEG_FAILED and ffmpeg's own reason", async () => {
    const attempt = runFfmpeg({
      inputs: [colour(1)],
      filterGraph: "[0:v]nosuchfilter=1[v]",
      outputOptions: ["-map", "[v]", "-f", "mp4"],
      output: path.join(dir, "broken.mp4"),
    });
    await expect(attempt).rejects.toSatisfy(
      (error) =>
        isMediaError(error, "FFMPEG_FAILED") &&
        /nosuchfilter|No such filter/i.test(error.message) &&
        Boolean(error.stderr),
    );
  });

  it("stops on abort with ABORTED", async () => {
    const controller = new AbortController();
    const attempt = runFfmpeg({
      // -re reads at real time: this would take a minute if nothing stopped it.
      inputs: [{ ...colour(60), options: ["-re", "-f", "lavfi"] }],
      outputOptions: ["-f", "mp4", "-c:v", "libx264", "-preset", "ultrafast"],
      output: path.join(dir, "aborted.mp4"),
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(attempt).rejects.toSatisfy((error) => isMediaError(error, "ABORTED"));
  });

  it("refuses to start when already aborted", async () => {
    const attempt = runFfmpeg({
      inputs: [colour(1)],
      outputOptions: ["-f", "mp4"],
      output: path.join(dir, "x.mp4"),
      signal: AbortSignal.abort(),
    });
    await expect(attempt).rejects.toSatisfy((error) => isMediaError(error, "ABORTED"));
  });

  it("stops a run aborted while it is still starting", async () => {
    const controller = new AbortController();
    const attempt = runFfmpeg({
      inputs: [{ ...colour(60), options: ["-re", "-f", "lavfi"] }],
      outputOptions: ["-f", "mp4", "-c:v", "libx264", "-preset", "ultrafast"],
      output: path.join(dir, "early.mp4"),
      signal: controller.signal,
    });
    controller.abort();
    await expect(attempt).rejects.toSatisfy((error) => isMediaError(error, "ABORTED"));
  });

  it("kills a run past its timeout with TIMEOUT", async () => {
    const attempt = runFfmpeg({
      inputs: [{ ...colour(60), options: ["-re", "-f", "lavfi"] }],
      outputOptions: ["-f", "mp4", "-c:v", "libx264", "-preset", "ultrafast"],
      output: path.join(dir, "slow.mp4"),
      timeoutMs: 300,
    });
    await expect(attempt).rejects.toSatisfy((error) => isMediaError(error, "TIMEOUT"));
  });
});

describe("progress parsing", () => {
  it("reads ffmpeg's stats line", () => {
    const line =
      "frame=   45 fps= 30 q=28.0 size=     256kB time=00:00:01.50 bitrate=1398.1kbits/s speed=1.02x";
    expect(parseProgressLine(line, 3)).toEqual({
      percent: 50,
      timeSec: 1.5,
      frame: 45,
      speed: 1.02,
    });
    expect(parseProgressLine(line)).toMatchObject({ percent: null, timeSec: 1.5 });
    expect(parseProgressLine("Stream #0:0: Video: h264", 3)).toBeNull();
    expect(parseProgressLine("size=N/A time=00:00:09.00 bitrate=N/A", 3)?.percent).toBe(100);
  });

  it("reads timemarks, treating negative ones as zero", () => {
    expect(parseTimemark("01:02:03.25")).toBe(3723.25);
    expect(parseTimemark("-00:00:00.04")).toBe(0);
    expect(parseTimemark("N/A")).toBeNull();
  });
});
