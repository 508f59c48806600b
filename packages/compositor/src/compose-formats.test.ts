import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { probeMedia } from "@adgen/media";
import type { AspectRatio } from "@adgen/schemas";
import { createLocalProvider } from "@adgen/provider-local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFile } from "node:fs/promises";
import {
  colourDistance,
  frameAt,
  makeTestClip,
  makeTestStill,
  meanColour,
  topLevelAtoms,
  type RgbFrame,
} from "./compose.test-support";
import { composeAd, planTimeline, type ComposeInput, type ComposeProgress } from "./index";

/** Mixed sources, as users' approved clips come: square at 24 fps, landscape and portrait at 30. */
const SOURCES = [
  { name: "square-24", width: 480, height: 480, fps: 24, color: "0xC8321E", rgb: [200, 50, 30] },
  { name: "wide-30", width: 640, height: 360, fps: 30, color: "0x1EA03C", rgb: [30, 160, 60] },
  { name: "tall-30", width: 360, height: 640, fps: 30, color: "0x2846C8", rgb: [40, 70, 200] },
];
const CLIP_SEC = 2;
const EXPECTED_SIZE: Record<AspectRatio, [number, number]> = {
  "16:9": [1920, 1080],
  "9:16": [1080, 1920],
  "1:1": [1080, 1080],
};

let dir: string;
let base: Omit<ComposeInput, "aspectRatio" | "outputFile" | "musicFile">;
let musicFile: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "compose-formats-"));
  const clips = await Promise.all(
    SOURCES.map((source) =>
      makeTestClip(dir, { ...source, seconds: CLIP_SEC, productColor: "0xF0F0F0" }),
    ),
  );
  const stills = await Promise.all([
    makeTestStill(dir, "still-a", "#203060", "#C08040"),
    makeTestStill(dir, "still-b", "#402010", "#80C0A0"),
  ]);
  base = {
    clips: clips.map((file) => ({ file, durationSec: CLIP_SEC })),
    stills,
    productName: "Aurora",
    cta: "Shop now",
    font: "montserrat",
    color: "#FFD400",
    introDurationSec: 1,
    outroDurationSec: 1,
  };
  const timeline = planTimeline(base);
  const music = await createLocalProvider().musicModel.compose({
    genre: "upbeat",
    durationSec: timeline.totalDurationSec,
    seed: 3,
  });
  musicFile = path.join(dir, "music.wav");
  await writeFile(musicFile, music.output.bytes);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The white product square's extent along the frame's middle row and column, in pixels. */
function squareExtent(frame: RgbFrame) {
  const isWhite = (x: number, y: number) => {
    const i = (y * frame.width + x) * 3;
    return (
      colourDistance(
        [frame.data[i] ?? 0, frame.data[i + 1] ?? 0, frame.data[i + 2] ?? 0],
        [240, 240, 240],
      ) < 40
    );
  };
  const cx = Math.floor(frame.width / 2);
  const cy = Math.floor(frame.height / 2);
  let left = cx;
  let right = cx;
  let top = cy;
  let bottom = cy;
  while (left > 0 && isWhite(left - 1, cy)) left -= 1;
  while (right < frame.width - 1 && isWhite(right + 1, cy)) right += 1;
  while (top > 0 && isWhite(cx, top - 1)) top -= 1;
  while (bottom < frame.height - 1 && isWhite(cx, bottom + 1)) bottom += 1;
  return { width: right - left + 1, height: bottom - top + 1 };
}

describe.each([
  ["16:9", true],
  ["9:16", false],
  ["1:1", false],
] as const)("composeAd into %s (music: %s)", (aspectRatio, withMusic) => {
  const events: ComposeProgress[] = [];
  let output: string;
  let result: Awaited<ReturnType<typeof composeAd>>;

  beforeAll(async () => {
    output = path.join(dir, `ad-${aspectRatio.replace(":", "x")}.mp4`);
    result = await composeAd(
      { ...base, aspectRatio, outputFile: output, musicFile: withMusic ? musicFile : null },
      { onProgress: (event) => events.push(event) },
    );
  });

  it("writes H.264 High yuv420p at 30 fps, the exact size and length, audio only when asked", async () => {
    const info = await probeMedia(output);
    const [width, height] = EXPECTED_SIZE[aspectRatio];
    const timeline = planTimeline(base);
    // intro + clips + outro − one crossfade per join
    const expectedSec = 1 + 3 * CLIP_SEC + 1 - 4 * timeline.transitionSec;
    expect(info).toMatchObject({
      videoCodec: "h264",
      profile: "High",
      pixFmt: "yuv420p",
      fps: 30,
      width,
      height,
    });
    expect(Math.abs((info.durationSec ?? 0) - expectedSec)).toBeLessThanOrEqual(1 / 30);
    expect(info.frameCount).toBe(Math.round(expectedSec * 30));
    expect(info.hasAudio).toBe(withMusic);
    if (withMusic) {
      expect(info).toMatchObject({ audioCodec: "aac", audioSampleRate: 48_000, audioChannels: 2 });
    }
    expect(result).toMatchObject({
      width,
      height,
      fps: 30,
      hasAudio: withMusic,
      profile: "High",
      pixFmt: "yuv420p",
    });
    expect(result.sizeBytes).toBe(info.sizeBytes);
  });

  it("puts moov before mdat (web playback starts before the download ends)", async () => {
    const atoms = await topLevelAtoms(output);
    expect(atoms.indexOf("moov")).toBeGreaterThanOrEqual(0);
    expect(atoms.indexOf("moov")).toBeLessThan(atoms.indexOf("mdat"));
  });

  it("shows every clip, in order, at the middle of its slot, never stretched", async () => {
    const timeline = planTimeline(base);
    const [width, height] = EXPECTED_SIZE[aspectRatio];
    const slots = timeline.segments.filter((segment) => segment.kind === "clip");
    expect(slots).toHaveLength(SOURCES.length);
    for (const [index, slot] of slots.entries()) {
      const frame = await frameAt(output, slot.start + slot.duration / 2, width / 4, height / 4);
      const colour = meanColour(frame);
      const distances = SOURCES.map((source) => colourDistance(colour, source.rgb));
      const nearest = distances.indexOf(Math.min(...distances));
      expect(nearest, `slot ${index} shows clip ${nearest}`).toBe(index);
      expect(Math.max(...colour), "not black").toBeGreaterThan(60);
      const square = squareExtent(frame);
      expect(square.width).toBeGreaterThan(10);
      expect(square.width / square.height).toBeGreaterThan(0.93);
      expect(square.width / square.height).toBeLessThan(1.07);
    }
  });

  it("reports progress from ffmpeg's output, never going back, ending at 100", () => {
    const percents = events.map((event) => event.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(events.some((event) => /^Stitching clips… \d+ %$/.test(event.message))).toBe(true);
    expect(events.map((event) => event.message)).toContain("Adding text overlays…");
    expect(events.map((event) => event.message)).toContain("Finishing…");
    expect(events.at(-1)).toEqual({ percent: 100, message: "Done" });
  });
});
