import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isMediaError } from "../errors";
import { decodeRawFrames } from "./decode-raw-frames";
import { encodeRawFrames } from "./encode-raw-frames";
import { probeMedia } from "./probe";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "raw-frames-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Canvas frames: a red square sliding right over a blue field. */
function* slidingSquare(count: number, width = 160, height = 96) {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  for (let i = 0; i < count; i += 1) {
    ctx.fillStyle = "#1040C0";
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = "#E02020";
    ctx.fillRect(i * 3, 28, 40, 40);
    yield canvas.data();
  }
}

describe("raw frames through ffmpeg", () => {
  it("encodes canvas frames into an exact-length H.264 MP4 and decodes them back", async () => {
    const bytes = await encodeRawFrames({
      width: 160,
      height: 96,
      fps: 30,
      frameCount: 30,
      frames: slidingSquare(30),
    });
    const file = path.join(dir, "square.mp4");
    await writeFile(file, bytes);
    const info = await probeMedia(file);
    expect(info).toMatchObject({
      videoCodec: "h264",
      width: 160,
      height: 96,
      fps: 30,
      frameCount: 30,
      pixFmt: "yuv420p",
      hasAudio: false,
    });
    expect(info.durationSec).toBeCloseTo(1, 2);

    const decoded = await decodeRawFrames({ file, width: 160 });
    expect(decoded.frames).toHaveLength(30);
    expect([decoded.width, decoded.height]).toEqual([160, 96]);
    const rgbAt = (frame: Buffer, x: number, y: number) => [
      ...frame.subarray((y * 160 + x) * 3, (y * 160 + x) * 3 + 3),
    ];
    const [r, g, b] = rgbAt(decoded.frames[0] as Buffer, 20, 48);
    expect(r).toBeGreaterThan(180);
    expect(g).toBeLessThan(80);
    expect(b).toBeLessThan(80);
    // By the last frame the square has moved 87 px: its old spot is blue again.
    const [r2, , b2] = rgbAt(decoded.frames[29] as Buffer, 20, 48);
    expect(b2).toBeGreaterThan(150);
    expect(r2).toBeLessThan(60);
  });

  it("produces the same bytes for the same frames", async () => {
    const encode = () =>
      encodeRawFrames({
        width: 160,
        height: 96,
        fps: 30,
        frameCount: 15,
        frames: slidingSquare(15),
      });
    const [a, b] = await Promise.all([encode(), encode()]);
    expect(a.equals(b)).toBe(true);
  });

  it("decodes at a lower rate and size on request", async () => {
    const file = path.join(dir, "long.mp4");
    await writeFile(
      file,
      await encodeRawFrames({
        width: 160,
        height: 96,
        fps: 30,
        frameCount: 60,
        frames: slidingSquare(60),
      }),
    );
    const decoded = await decodeRawFrames({ file, width: 40, fps: 2, pixelFormat: "gray" });
    expect(decoded.frames).toHaveLength(4);
    expect([decoded.width, decoded.height, decoded.fps]).toEqual([40, 24, 2]);
    expect(decoded.frames[0]?.length).toBe(40 * 24);
  });

  it("rejects frames of the wrong size or count with BAD_INPUT", async () => {
    const wrongSize = encodeRawFrames({
      width: 160,
      height: 96,
      fps: 30,
      frameCount: 2,
      frames: [new Uint8Array(10), new Uint8Array(10)],
    });
    await expect(wrongSize).rejects.toSatisfy(
      (error) => isMediaError(error, "BAD_INPUT") && /Frame 1/.test(error.message),
    );
    const tooFew = encodeRawFrames({
      width: 160,
      height: 96,
      fps: 30,
      frameCount: 10,
      frames: slidingSquare(4),
    });
    await expect(tooFew).rejects.toSatisfy(
      (error) => isMediaError(error, "BAD_INPUT") && /Only 4 of/.test(error.message),
    );
    const odd = encodeRawFrames({ width: 161, height: 96, fps: 30, frameCount: 1, frames: [] });
    await expect(odd).rejects.toSatisfy((error) => isMediaError(error, "BAD_INPUT"));
  });
});
