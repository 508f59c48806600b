import { createCanvas, loadImage } from "@napi-rs/canvas";
import { rgbToHsl } from "./colour";

/** Decoded RGBA pixels of a PNG, for tests that check what an image shows. */
export interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export async function decodePng(bytes: Buffer): Promise<Pixels> {
  const image = await loadImage(bytes);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(image, 0, 0);
  return {
    width: image.width,
    height: image.height,
    data: ctx.getImageData(0, 0, image.width, image.height).data,
  };
}

/** Which pixels show a hue near `hue` (degrees) with real saturation: a mask of the product's colour. */
export function hueMask(pixels: Pixels, hue: number, tolerance = 14): boolean[] {
  const mask: boolean[] = [];
  for (let i = 0; i < pixels.data.length; i += 4) {
    const hsl = rgbToHsl({ r: pixels.data[i]!, g: pixels.data[i + 1]!, b: pixels.data[i + 2]! });
    const distance = Math.abs(((hsl.h - hue + 540) % 360) - 180);
    mask.push(hsl.s > 0.45 && hsl.l > 0.12 && hsl.l < 0.85 && distance <= tolerance);
  }
  return mask;
}

export function share(mask: readonly boolean[]): number {
  return mask.filter(Boolean).length / mask.length;
}

/** Overlap of two masks (intersection over union): 1 means the same shape in the same place. */
export function overlap(a: readonly boolean[], b: readonly boolean[]): number {
  let both = 0;
  let either = 0;
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] && b[i]) both += 1;
    if (a[i] || b[i]) either += 1;
  }
  return either === 0 ? 1 : both / either;
}

/** Mean absolute difference per channel, 0–255. */
export function meanDifference(a: Pixels, b: Pixels): number {
  let total = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    total +=
      Math.abs(a.data[i]! - b.data[i]!) +
      Math.abs(a.data[i + 1]! - b.data[i + 1]!) +
      Math.abs(a.data[i + 2]! - b.data[i + 2]!);
  }
  return total / ((a.data.length / 4) * 3);
}

/** Average lightness (0–1) of a band along the image's border: the backdrop, not the product. */
export function borderLightness(pixels: Pixels): number {
  let total = 0;
  let count = 0;
  const band = Math.round(pixels.width * 0.06);
  for (let y = 0; y < pixels.height; y += 4) {
    for (let x = 0; x < pixels.width; x += 4) {
      if (x > band && x < pixels.width - band && y > band && y < pixels.height - band) continue;
      const i = (y * pixels.width + x) * 4;
      total += rgbToHsl({ r: pixels.data[i]!, g: pixels.data[i + 1]!, b: pixels.data[i + 2]! }).l;
      count += 1;
    }
  }
  return total / count;
}
