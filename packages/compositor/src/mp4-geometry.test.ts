import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { h264OutputOptions, probeMedia, runFfmpeg } from "@adgen/media";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClip } from "./compose.test-support";
import { readMp4Geometry } from "./mp4-geometry";
import { clipSourceFrom } from "./probe-clip";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "mp4-geometry-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A 2 s clip with the given pixel shape, as ffmpeg 5.1 writes it. */
async function clip(name: string, options: { sar?: string; editList?: boolean }) {
  const output = path.join(dir, `${name}.mp4`);
  await runFfmpeg({
    inputs: [{ spec: "testsrc2=size=480x360:rate=24:duration=2", options: ["-f", "lavfi"] }],
    filterGraph: `[0:v]${options.sar ? `setsar=${options.sar}` : "null"},format=yuv420p[v]`,
    outputOptions: [
      "-map",
      "[v]",
      ...(options.editList === false ? ["-use_editlist", "0"] : []),
      ...h264OutputOptions({ fps: 24 }),
    ],
    output,
  });
  return output;
}

/**
 * Turns a clip's display matrix a quarter or half turn, as a phone writes it (ffmpeg 5.1 has no
 * option to write one): the tkhd matrix's a, b, c, d in 16.16 fixed point.
 */
async function rotated(source: string, name: string, degrees: 90 | 180) {
  const bytes = await readFile(source);
  const matrix = bytes.indexOf("tkhd", 0, "latin1") + 4 + 40;
  const [a, b] = degrees === 90 ? [0, 0x10000] : [-0x10000, 0];
  bytes.writeInt32BE(a, matrix);
  bytes.writeInt32BE(b, matrix + 4);
  bytes.writeInt32BE(-b, matrix + 12);
  bytes.writeInt32BE(a, matrix + 16);
  const output = path.join(dir, `${name}.mp4`);
  await writeFile(output, bytes);
  return output;
}

const probed = async (file: string) => clipSourceFrom(await probeMedia(file));

describe("readMp4Geometry", () => {
  it("reads what ffprobe reports: size, pixel shape, rotation and length", async () => {
    const files = [
      await makeTestClip(dir, {
        name: "plain",
        width: 640,
        height: 360,
        fps: 30,
        seconds: 3,
        color: "0x204080",
      }),
      await clip("square-pixels", { sar: "1" }),
      await clip("anamorphic", { sar: "4/3" }),
      await rotated(await clip("upright", { sar: "1" }), "phone", 90),
      await rotated(await clip("upright-anamorphic", { sar: "4/3" }), "phone-anamorphic", 90),
      await rotated(await clip("upright-2", { sar: "1" }), "upside-down", 180),
      await clip("no-edit-list", { sar: "1", editList: false }),
    ];
    for (const file of files) {
      const fromHeader = await readMp4Geometry(file);
      expect({ file, ...fromHeader }).toEqual({ file, ...(await probed(file)) });
    }
  });

  it("leaves files it cannot vouch for to ffprobe", async () => {
    const text = path.join(dir, "not-video.mp4");
    await writeFile(text, "definitely not an mp4 file");
    expect(await readMp4Geometry(text)).toBeNull();
    // Without a pixel-aspect box, the codec's own aspect would decide: only ffprobe knows it.
    const unknownShape = await clip("unknown-shape", { sar: "0" });
    expect(await readMp4Geometry(unknownShape)).toBeNull();
  });
});
