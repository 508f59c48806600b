import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import { probeMedia } from "@adgen/media";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stillImageSize } from "./still-image";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "still-size-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function still(width: number, height: number) {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#3060A0";
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = "#F0C020";
  ctx.fillRect(width / 4, height / 4, width / 2, height / 2);
  return canvas;
}

/**
 * Canvas writes extended WebP (VP8X); the simple lossy (VP8) and lossless (VP8L) forms are
 * that file's image chunk alone in a new RIFF container.
 */
function simpleWebp(extended: Buffer, chunkId: "VP8 " | "VP8L"): Buffer {
  for (let offset = 12; offset + 8 <= extended.length;) {
    const size = extended.readUInt32LE(offset + 4);
    if (extended.toString("ascii", offset, offset + 4) === chunkId) {
      const chunk = extended.subarray(offset, offset + 8 + size + (size & 1));
      const header = Buffer.alloc(12);
      header.write("RIFF", 0, "ascii");
      header.writeUInt32LE(4 + chunk.length, 4);
      header.write("WEBP", 8, "ascii");
      return Buffer.concat([header, chunk]);
    }
    offset += 8 + size + (size & 1);
  }
  throw new Error(`No ${chunkId} chunk`);
}

describe("stillImageSize", () => {
  it("reads the size ffprobe reports from PNG, JPEG and WebP headers", async () => {
    const canvas = still(318, 202);
    const files = {
      png: canvas.toBuffer("image/png"),
      jpg: canvas.toBuffer("image/jpeg", 90),
      "extended.webp": canvas.toBuffer("image/webp", 80),
      "lossy.webp": simpleWebp(canvas.toBuffer("image/webp", 80), "VP8 "),
      "lossless.webp": simpleWebp(canvas.toBuffer("image/webp", 100), "VP8L"),
    };
    for (const [name, bytes] of Object.entries(files)) {
      const file = path.join(dir, `still.${name}`);
      await writeFile(file, bytes);
      const probed = await probeMedia(file);
      expect({ name, ...stillImageSize(bytes) }).toEqual({
        name,
        width: probed.width,
        height: probed.height,
      });
    }
  });

  it("answers undefined for bytes it cannot read, so the caller asks ffprobe", () => {
    expect(stillImageSize(Buffer.from("not an image, just text"))).toBeUndefined();
    const png = still(8, 8).toBuffer("image/png");
    expect(stillImageSize(png.subarray(0, 20))).toBeUndefined();
    const jpeg = still(8, 8).toBuffer("image/jpeg");
    expect(stillImageSize(jpeg.subarray(0, 40))).toBeUndefined();
  });
});
