import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isMediaError } from "../errors";
import { mediaInfoFromFfprobe, parseFrameRate, probeMedia } from "./probe";
import { runFfmpeg } from "./run-ffmpeg";
import { makeTestClip } from "./test-media";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "probe-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("probeMedia", () => {
  it("describes an H.264 + AAC MP4", async () => {
    const clip = await makeTestClip(dir, { seconds: 2 });
    const info = await probeMedia(clip);
    expect(info).toMatchObject({
      width: 320,
      height: 240,
      fps: 30,
      frameCount: 60,
      videoCodec: "h264",
      profile: "High",
      pixFmt: "yuv420p",
      hasAudio: true,
      audioCodec: "aac",
      audioSampleRate: 48_000,
      audioChannels: 2,
    });
    expect(info.durationSec).toBeCloseTo(2, 1);
    expect(info.formatName).toContain("mp4");
    expect(info.sizeBytes).toBeGreaterThan(1000);
  });

  it("reports a still as having no duration or rate, and a silent clip as silent", async () => {
    const still = path.join(dir, "still:with colon.png");
    await writeFile(still, createCanvas(64, 32).toBuffer("image/png"));
    const info = await probeMedia(still);
    expect(info).toMatchObject({
      width: 64,
      height: 32,
      durationSec: null,
      fps: null,
      videoCodec: "png",
      hasAudio: false,
    });
    const silent = await probeMedia(await makeTestClip(dir, { seconds: 1, audio: false }));
    expect(silent).toMatchObject({ hasAudio: false, audioCodec: null, audioChannels: null });
  });

  it("reports the pixel shape and rotation the framing needs", async () => {
    const clip = await makeTestClip(dir, { seconds: 1, audio: false });
    expect(await probeMedia(clip)).toMatchObject({ sampleAspectRatio: 1, rotationDeg: 0 });
    const anamorphic = path.join(dir, "anamorphic.mp4");
    await runFfmpeg({
      inputs: [{ file: clip }],
      outputOptions: ["-vf", "setsar=64/45", "-c:v", "libx264", "-an"],
      output: anamorphic,
    });
    expect((await probeMedia(anamorphic)).sampleAspectRatio).toBeCloseTo(64 / 45, 6);
    // How ffprobe prints a phone clip: a display matrix (newer muxers) or a rotate tag (older).
    const stream = { codec_type: "video", width: 1920, height: 1080, sample_aspect_ratio: "0:1" };
    const rotated = (extra: object) =>
      mediaInfoFromFfprobe({
        streams: [{ ...stream, ...extra }],
        format: { format_name: "mov,mp4,m4a,3gp,3g2,mj2", duration: "3.0" },
      });
    expect(
      rotated({ side_data_list: [{ side_data_type: "Display Matrix", rotation: -90 }] }),
    ).toMatchObject({ rotationDeg: -90, sampleAspectRatio: 1, width: 1920 });
    expect(rotated({ tags: { rotate: "90", language: "und" } }).rotationDeg).toBe(90);
    expect(mediaInfoFromFfprobe({ streams: [], format: { format_name: "wav" } })).toMatchObject({
      sampleAspectRatio: null,
      rotationDeg: 0,
    });
  });

  it("fails with PROBE_FAILED on a file that is not media", async () => {
    const junk = path.join(dir, "junk.mp4");
    await writeFile(junk, "this is text, not a movie");
    await expect(probeMedia(junk)).rejects.toSatisfy((error) =>
      isMediaError(error, "PROBE_FAILED"),
    );
  });

  it("parses frame rates ffprobe prints", () => {
    expect(parseFrameRate("30/1")).toBe(30);
    expect(parseFrameRate("30000/1001")).toBeCloseTo(29.97, 2);
    expect(parseFrameRate("0/0")).toBeNull();
    expect(parseFrameRate(undefined)).toBeNull();
  });
});
