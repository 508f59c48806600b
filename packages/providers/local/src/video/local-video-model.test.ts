import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { decodeRawFrames, probeMedia } from "@adgen/media";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ModelCallError, type Scene } from "@adgen/agents";
import { createLocalVideoModel, LOCAL_VIDEO_MODEL_ID } from "./index";
import { darkExtent, makeTestStill } from "./test-still";

const model = createLocalVideoModel();
const still = makeTestStill();
const scene = (
  cameraMove: Scene["cameraMove"],
  grade: Scene["grade"] = "neutral",
  intensity = 1,
): Scene => ({
  imageId: "img-1",
  cameraMove,
  intensity,
  grade,
  motionPrompt: "slow reveal",
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "video-model-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function clipFile(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(dir, `${name}.mp4`);
  await writeFile(file, bytes);
  return file;
}

/** First and last frames, grayscale at 128 px, for measuring the move. */
async function endFrames(file: string) {
  const decoded = await decodeRawFrames({ file, width: 128, pixelFormat: "gray" });
  return { ...decoded, first: decoded.frames[0] as Buffer, last: decoded.frames.at(-1) as Buffer };
}

describe("local video model", () => {
  it("makes an H.264 clip of exactly the asked duration and rate that pushes in on the centre", async () => {
    const call = await model.animate({
      image: still,
      scene: scene("push_in"),
      durationSec: 2,
      fps: 30,
      seed: 11,
    });
    expect(call.model).toBe(LOCAL_VIDEO_MODEL_ID);
    expect(call.costUsd).toBe(0);
    const file = await clipFile("push", call.output.bytes);
    const info = await probeMedia(file);
    expect(info.videoCodec).toBe("h264");
    expect(info.pixFmt).toBe("yuv420p");
    expect(info.fps).toBe(30);
    expect(info.frameCount).toBe(60);
    expect(Math.abs((info.durationSec ?? 0) - 2)).toBeLessThanOrEqual(1 / 30);
    expect([info.width, info.height]).toEqual([512, 512]);
    expect(call.output).toMatchObject({
      contentType: "video/mp4",
      width: 512,
      height: 512,
      fps: 30,
    });
    expect(Math.abs(call.output.durationSec - 2)).toBeLessThanOrEqual(1 / 30);

    const { first, last, width, height } = await endFrames(file);
    const before = darkExtent(first, width, height, "x");
    const after = darkExtent(last, width, height, "x");
    // Intensity 1 zooms about 1.28×: the centred box must be clearly wider at the end.
    expect(after.end - after.start).toBeGreaterThan((before.end - before.start) * 1.15);
  });

  it("is deterministic for the same request and seed, and varies with the seed", async () => {
    const request = {
      image: still,
      scene: scene("push_in", "warm", 0.5),
      durationSec: 1,
      fps: 30,
      seed: 5,
    };
    const [a, b, c] = await Promise.all([
      model.animate(request),
      model.animate(request),
      model.animate({ ...request, seed: 6 }),
    ]);
    expect(a.output.bytes.equals(b.output.bytes)).toBe(true);
    expect(a.output.bytes.equals(c.output.bytes)).toBe(false);
  });

  it("pans, tilts and pulls out in the named direction", async () => {
    const measure = async (move: Scene["cameraMove"], axis: "x" | "y") => {
      const call = await model.animate({
        image: makeTestStill(512, "jpeg"),
        scene: scene(move),
        durationSec: 1,
        fps: 30,
        seed: 1,
      });
      const { first, last, width, height } = await endFrames(
        await clipFile(move, call.output.bytes),
      );
      const start = darkExtent(first, width, height, axis);
      const end = darkExtent(last, width, height, axis);
      return {
        shift: (end.start + end.end - start.start - start.end) / 2,
        growth: end.end - end.start - (start.end - start.start),
      };
    };
    // Panning left moves the window left, so the product slides right in the frame.
    expect((await measure("pan_left", "x")).shift).toBeGreaterThan(4);
    expect((await measure("pan_right", "x")).shift).toBeLessThan(-4);
    expect((await measure("tilt_up", "y")).shift).toBeGreaterThan(4);
    expect((await measure("tilt_down", "y")).shift).toBeLessThan(-4);
    expect((await measure("pull_out", "x")).growth).toBeLessThan(-4);
  });

  it("orbits with a changing trapezoid and applies the colour grade", async () => {
    const [orbit, warm, cool] = await Promise.all([
      model.animate({
        image: still,
        scene: scene("orbit", "moody"),
        durationSec: 1,
        fps: 30,
        seed: 2,
      }),
      model.animate({
        image: still,
        scene: scene("push_in", "warm", 0),
        durationSec: 0.5,
        fps: 30,
        seed: 2,
      }),
      model.animate({
        image: still,
        scene: scene("push_in", "cool", 0),
        durationSec: 0.5,
        fps: 30,
        seed: 2,
      }),
    ]);
    const orbitFrames = await endFrames(await clipFile("orbit", orbit.output.bytes));
    const leftEdge = (frame: Buffer) =>
      darkExtent(frame, orbitFrames.width, orbitFrames.height, "y");
    expect(leftEdge(orbitFrames.first)).not.toEqual(leftEdge(orbitFrames.last));

    const redMinusBlue = async (bytes: Buffer, name: string) => {
      const { frames } = await decodeRawFrames({ file: await clipFile(name, bytes), width: 64 });
      const frame = frames[0] as Buffer;
      let sum = 0;
      for (let i = 0; i < frame.length; i += 3) sum += (frame[i] ?? 0) - (frame[i + 2] ?? 0);
      return sum / (frame.length / 3);
    };
    expect(await redMinusBlue(warm.output.bytes, "warm")).toBeGreaterThan(
      (await redMinusBlue(cool.output.bytes, "cool")) + 10,
    );
  });

  it("rejects bytes that are not an image with a non-retryable model error", async () => {
    const call = model.animate({
      image: Buffer.from("not an image at all"),
      scene: scene("push_in"),
      durationSec: 1,
      fps: 30,
      seed: 1,
    });
    await expect(call).rejects.toBeInstanceOf(ModelCallError);
    await expect(call).rejects.toMatchObject({
      details: { retryable: false, costUsd: 0, model: LOCAL_VIDEO_MODEL_ID },
    });
  });
});
