import { open, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClip, makeTestStill } from "./compose.test-support";
import { planTimeline, writeComposedFrames, type ComposeInput } from "./index";

let dir: string;
let input: ComposeInput;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "composed-frames-"));
  const clip = await makeTestClip(dir, {
    name: "clip",
    width: 320,
    height: 320,
    fps: 24,
    seconds: 2,
    color: "0x1EA03C",
  });
  input = {
    clips: [{ file: clip, durationSec: 2 }],
    stills: [await makeTestStill(dir, "still", "#203060", "#C08040")],
    productName: "Aurora",
    cta: "Shop now",
    font: "poppins",
    color: "#FFFFFF",
    introDurationSec: 1,
    outroDurationSec: 1,
    aspectRatio: "1:1",
    musicFile: null,
    outputFile: path.join(dir, "unused.mp4"),
  };
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("writeComposedFrames", () => {
  it("writes exactly the planned frames, raw yuv420p, the clip in its slot", async () => {
    const raw = path.join(dir, "frames.yuv");
    const written = await writeComposedFrames(input, raw);
    const timeline = planTimeline(input);
    expect(written).toEqual({ width: 1080, height: 1080, frames: timeline.totalFrames });
    const frameBytes = 1080 * 1080 * 1.5;
    expect((await stat(raw)).size).toBe(frameBytes * timeline.totalFrames);

    // Mean luma of a frame, read straight from the raw file.
    const handle = await open(raw, "r");
    const meanLuma = async (frame: number) => {
      const luma = Buffer.alloc(1080 * 1080);
      await handle.read(luma, 0, luma.length, frame * frameBytes);
      return luma.reduce((sum, value) => sum + value, 0) / luma.length;
    };
    const slot = timeline.segments[1]!;
    const clipLuma = await meanLuma(slot.startFrame + Math.floor(slot.frames / 2));
    const introLuma = await meanLuma(5);
    await handle.close();
    // The green clip (#1EA03C, BT.709 limited-range luma ≈ 113 plus its light square) fills
    // its slot; the intro card is the dimmed, blurred still.
    expect(clipLuma).toBeGreaterThan(100);
    expect(clipLuma).toBeLessThan(150);
    expect(Math.abs(clipLuma - introLuma)).toBeGreaterThan(20);
    expect(await stat(input.outputFile).catch(() => null)).toBeNull();
  });
});
