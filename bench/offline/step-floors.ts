import { readFile } from "node:fs/promises";
import path from "node:path";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { h264OutputOptions } from "@adgen/media";
import { CLIP_ENCODER, writeClipFrames } from "@adgen/provider-local";
import { measure, type Measurement } from "../compose/cpu-time";
import { composedFrames, encodeRawFile, measureEncodeFloor } from "../compose/encode-floor";
import type { ClipMaterial, SessionMaterial } from "./session-material";

export interface StepFloors {
  images: Measurement;
  clips: Measurement;
  compose: Measurement;
  /** The clip floor's encodes came out byte-identical to the stored clips. */
  clipsIdentical: boolean;
}

/**
 * Images: the six finished renders encoded to PNG again by the same encoder (Skia, through
 * @napi-rs/canvas), all at once on the thread pool: the least this machine needs to write them.
 */
async function imageFloor(pngs: Buffer[]): Promise<Measurement> {
  const canvases = await Promise.all(
    pngs.map(async (png) => {
      const image = await loadImage(png);
      const canvas = createCanvas(image.width, image.height);
      canvas.getContext("2d").drawImage(image, 0, 0);
      return canvas;
    }),
  );
  return measure(() => Promise.all(canvases.map((canvas) => canvas.encode("png"))));
}

/**
 * Clips: the very frames each clip's encoder received (re-rendered raw beforehand, not timed)
 * encoded with the clip's settings from a raw file, the clips at once as the step runs them.
 */
async function clipFloor(clips: ClipMaterial[], dir: string) {
  const raws = await Promise.all(
    clips.map(async (clip, i) => {
      const file = path.join(dir, `clip-${i}.yuv`);
      return {
        file,
        output: path.join(dir, `clip-floor-${i}.mp4`),
        ...(await writeClipFrames(clip.request, file)),
      };
    }),
  );
  const measurement = await measure(() =>
    Promise.all(
      raws.map((raw) =>
        encodeRawFile(
          raw,
          [
            "-an",
            // The render marks square pixels; the same mark here makes the bytes comparable.
            "-vf",
            "setsar=1",
            ...h264OutputOptions({ fps: raw.fps, ...CLIP_ENCODER, frameCount: raw.frames }),
          ],
          raw.output,
        ),
      ),
    ),
  );
  const outputs = await Promise.all(raws.map((raw) => readFile(raw.output)));
  const identical = outputs.every((bytes, i) => bytes.equals(clips[i]?.bytes ?? Buffer.alloc(0)));
  return { measurement, identical };
}

/** Each step's encode floor, measured on what that step made in this run. */
export async function measureStepFloors(
  material: SessionMaterial,
  dir: string,
): Promise<StepFloors> {
  const images = await imageFloor(material.imagePngs);
  const clips = await clipFloor(material.clips, dir);
  const raw = await composedFrames(material.composeInput, dir);
  const compose = await measureEncodeFloor(raw, dir);
  return { images, clips: clips.measurement, compose, clipsIdentical: clips.identical };
}
