import { createCanvas } from "@napi-rs/canvas";
import { encodeRawFrames } from "@adgen/media";
import { describe, expect, it } from "vitest";
import { clipAnalysisSchema, ModelCallError } from "@adgen/agents";
import { createLocalVideoModel } from "../video";
import { makeTestStill } from "../video/test-still";
import { createLocalVideoAnalyst, LOCAL_VIDEO_ANALYST_ID } from "./index";

const analyst = createLocalVideoAnalyst();
const BACKDROP = "#E6E0D4";

/** A 320×180 clip: a dark product square whose left edge moves with `xAt(second)`. */
function productClip(seconds: number, xAt: (t: number) => number): Promise<Buffer> {
  const [width, height, fps] = [320, 180, 30];
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  const frames = function* () {
    for (let i = 0; i < seconds * fps; i += 1) {
      ctx.fillStyle = BACKDROP;
      ctx.fillRect(0, 0, width, height);
      ctx.fillStyle = "#1E2A48";
      ctx.fillRect(xAt(i / fps), 50, 64, 80);
      yield canvas.data();
    }
  };
  return encodeRawFrames({ width, height, fps, frameCount: seconds * fps, frames: frames() });
}

const channelsOf = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));

describe("local video analyst", () => {
  it("finds a still product, its box, the backdrop colour and the quiet side", async () => {
    const call = await analyst.analyse({ video: await productClip(2, () => 32) });
    expect(call.model).toBe(LOCAL_VIDEO_ANALYST_ID);
    expect(call.costUsd).toBe(0);
    const analysis = clipAnalysisSchema.parse(call.output);
    expect(analysis.durationSec).toBeCloseTo(2, 1);
    expect(analysis.seconds.map((s) => s.t)).toEqual([0, 1]);
    for (const second of analysis.seconds) {
      expect(second.motion).toBeLessThan(0.005);
      // The square covers 9 % of the frame; the rest is the light backdrop.
      expect(second.brightness).toBeGreaterThan(0.75);
      expect(second.brightness).toBeLessThan(0.9);
      channelsOf(second.dominantColor).forEach((value, i) => {
        expect(Math.abs(value - (channelsOf(BACKDROP)[i] ?? 0))).toBeLessThanOrEqual(8);
      });
      expect(second.productBox.x).toBeCloseTo(32 / 320, 1);
      expect(second.productBox.y).toBeCloseTo(50 / 180, 1);
      expect(second.productBox.w).toBeCloseTo(64 / 320, 1);
      expect(second.productBox.h).toBeCloseTo(80 / 180, 1);
    }
    expect(analysis.quietRegion).toBe("right");
  });

  it("measures motion and follows a moving product", async () => {
    const call = await analyst.analyse({ video: await productClip(3, (t) => 20 + t * 70) });
    const [first, , last] = call.output.seconds;
    expect(call.output.seconds).toHaveLength(3);
    expect(first?.motion).toBeGreaterThan(0.02);
    expect(last?.productBox.x).toBeGreaterThan((first?.productBox.x ?? 1) + 0.3);
  });

  it("describes a clip from the local video model: centred product that grows as the camera pushes in, vignette and all", async () => {
    const clip = await createLocalVideoModel().animate({
      image: makeTestStill(384),
      scene: {
        imageId: "a",
        cameraMove: "push_in",
        intensity: 1,
        grade: "moody",
        motionPrompt: "push",
      },
      durationSec: 2,
      fps: 30,
      seed: 3,
    });
    const { seconds } = (await analyst.analyse({ video: clip.output.bytes })).output;
    const [first, second] = seconds;
    expect(first?.motion).toBeGreaterThan(0.005);
    expect(second?.productBox.w).toBeGreaterThan(first?.productBox.w ?? 1);
    // The still's box spans 30 % of the frame; the darkened corners must not count as product.
    expect(first?.productBox.w).toBeLessThan(0.45);
    const centreX = (first?.productBox.x ?? 0) + (first?.productBox.w ?? 0) / 2;
    expect(centreX).toBeCloseTo(0.5, 1);
  });

  it("takes a rendered clip's analysis from its rendered frames, matching a decode of the file", async () => {
    const clip = await createLocalVideoModel().animate({
      image: makeTestStill(384),
      scene: {
        imageId: "a",
        cameraMove: "pan_left",
        intensity: 0.8,
        grade: "warm",
        motionPrompt: "pan",
      },
      durationSec: 2,
      fps: 30,
      seed: 7,
    });
    const rendered = (await analyst.analyse({ video: clip.output.bytes })).output;
    // A copy is not the Buffer the model returned: it is decoded and analysed like any clip.
    const decoded = (await analyst.analyse({ video: Buffer.from(clip.output.bytes) })).output;
    expect(rendered.durationSec).toBe(decoded.durationSec);
    expect(rendered.quietRegion).toBe(decoded.quietRegion);
    expect(rendered.seconds).toHaveLength(decoded.seconds.length);
    rendered.seconds.forEach((second, i) => {
      const other = decoded.seconds[i];
      expect(second.motion).toBeCloseTo(other?.motion ?? -1, 2);
      expect(second.brightness).toBeCloseTo(other?.brightness ?? -1, 2);
      for (const key of ["x", "y", "w", "h"] as const)
        expect(Math.abs(second.productBox[key] - (other?.productBox[key] ?? -1))).toBeLessThan(
          0.03,
        );
    });
  });

  it("fails with a model error on bytes that are not a video", async () => {
    const call = analyst.analyse({ video: Buffer.from("definitely not an mp4") });
    await expect(call).rejects.toBeInstanceOf(ModelCallError);
    await expect(call).rejects.toMatchObject({
      details: { model: LOCAL_VIDEO_ANALYST_ID, retryable: false },
    });
  });
});
