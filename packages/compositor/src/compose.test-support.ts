import { open, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import { h264OutputOptions, runFfmpeg, withTempDir } from "@adgen/media";

export interface TestClipOptions {
  name: string;
  width: number;
  height: number;
  fps: number;
  seconds: number;
  /** Background colour, 0xRRGGBB. */
  color: string;
  /** A square "product" of this colour, sized 40 % of the short side, centred unless productY says. */
  productColor?: string;
  /** Where the square sits vertically: 0 top … 1 bottom (default 0.5). */
  productY?: number;
}

/**
 * A real H.264 clip of one flat colour with a centred square, so a composed frame can be
 * traced back to its clip by colour and checked for stretching by the square's shape.
 */
export async function makeTestClip(dir: string, options: TestClipOptions): Promise<string> {
  const { width, height, fps, seconds } = options;
  const side = Math.round((Math.min(width, height) * 0.4) / 2) * 2;
  const output = path.join(dir, `${options.name}.mp4`);
  const source = (color: string, w: number, h: number) => ({
    spec: `color=c=${color}:s=${w}x${h}:r=${fps}:d=${seconds}`,
    options: ["-f", "lavfi"],
  });
  await runFfmpeg({
    inputs: [
      source(options.color, width, height),
      source(options.productColor ?? "0xF0F0F0", side, side),
    ],
    filterGraph: `[0:v][1:v]overlay=x=(W-w)/2:y=(H-h)*${options.productY ?? 0.5},format=yuv420p[v]`,
    outputOptions: ["-map", "[v]", "-an", ...h264OutputOptions({ fps, crf: 18 })],
    output,
  });
  return output;
}

/** A product still for card backgrounds: a soft two-colour gradient with a bright disc. */
export async function makeTestStill(
  dir: string,
  name: string,
  from: string,
  to: string,
): Promise<string> {
  const canvas = createCanvas(512, 512);
  const ctx = canvas.getContext("2d");
  const gradient = ctx.createLinearGradient(0, 0, 512, 512);
  gradient.addColorStop(0, from);
  gradient.addColorStop(1, to);
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, 512, 512);
  ctx.fillStyle = "#EEEEEE";
  ctx.beginPath();
  ctx.arc(256, 256, 120, 0, Math.PI * 2);
  ctx.fill();
  const file = path.join(dir, `${name}.png`);
  await writeFile(file, await canvas.encode("png"));
  return file;
}

export interface RgbFrame {
  width: number;
  height: number;
  data: Buffer;
}

/** One decoded frame (RGB) at `timeSec`, scaled to `width` keeping the aspect. */
export async function frameAt(
  file: string,
  timeSec: number,
  width: number,
  height: number,
): Promise<RgbFrame> {
  return withTempDir(async (dir) => {
    const output = path.join(dir, "frame.rgb");
    await runFfmpeg({
      inputs: [{ file, options: ["-ss", timeSec.toFixed(4)] }],
      outputOptions: [
        "-frames:v",
        "1",
        "-an",
        "-vf",
        `scale=${width}:${height}:flags=area`,
        "-pix_fmt",
        "rgb24",
        "-f",
        "rawvideo",
      ],
      output,
    });
    return { width, height, data: await readFile(output) };
  });
}

/** Mean colour of a rectangle given as fractions of the frame. */
export function meanColour(
  frame: RgbFrame,
  box = { x: 0, y: 0, w: 1, h: 1 },
): [number, number, number] {
  const x0 = Math.floor(box.x * frame.width);
  const y0 = Math.floor(box.y * frame.height);
  const x1 = Math.ceil((box.x + box.w) * frame.width);
  const y1 = Math.ceil((box.y + box.h) * frame.height);
  const sum: [number, number, number] = [0, 0, 0];
  let count = 0;
  for (let y = y0; y < y1; y += 1) {
    for (let x = x0; x < x1; x += 1) {
      const i = (y * frame.width + x) * 3;
      sum[0] += frame.data[i] ?? 0;
      sum[1] += frame.data[i + 1] ?? 0;
      sum[2] += frame.data[i + 2] ?? 0;
      count += 1;
    }
  }
  return sum.map((value) => value / Math.max(1, count)) as [number, number, number];
}

export const colourDistance = (a: number[], b: number[]) =>
  Math.hypot((a[0] ?? 0) - (b[0] ?? 0), (a[1] ?? 0) - (b[1] ?? 0), (a[2] ?? 0) - (b[2] ?? 0));

/** Pixels within `tolerance` of `colour`, counted inside a rectangle given as fractions. */
export function countNear(
  frame: RgbFrame,
  colour: number[],
  tolerance: number,
  box = { x: 0, y: 0, w: 1, h: 1 },
): number {
  let count = 0;
  const x0 = Math.floor(box.x * frame.width);
  const y0 = Math.floor(box.y * frame.height);
  const x1 = Math.ceil((box.x + box.w) * frame.width);
  const y1 = Math.ceil((box.y + box.h) * frame.height);
  for (let y = y0; y < y1; y += 1) {
    for (let x = x0; x < x1; x += 1) {
      const i = (y * frame.width + x) * 3;
      const pixel = [frame.data[i] ?? 0, frame.data[i + 1] ?? 0, frame.data[i + 2] ?? 0];
      if (colourDistance(pixel, colour) <= tolerance) count += 1;
    }
  }
  return count;
}

/** The top-level MP4 boxes in file order (ftyp, moov, mdat…), read from the bytes. */
export async function topLevelAtoms(file: string): Promise<string[]> {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    const atoms: string[] = [];
    const header = Buffer.alloc(16);
    let offset = 0;
    while (offset + 8 <= size) {
      await handle.read(header, 0, 16, offset);
      let length = header.readUInt32BE(0);
      atoms.push(header.toString("latin1", 4, 8));
      if (length === 1) length = Number(header.readBigUInt64BE(8));
      else if (length === 0) length = size - offset;
      if (length < 8) break;
      offset += length;
    }
    return atoms;
  } finally {
    await handle.close();
  }
}
