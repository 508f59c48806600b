/** Statistics of small RGB24 frames (width × height × 3 bytes), all results normalised to 0–1. */
export interface RgbFrame {
  data: Uint8Array;
  width: number;
  height: number;
}

export type Rgb = readonly [number, number, number];

/** Mean absolute difference of two frames of the same size, over all channels. */
export function meanAbsDifference(a: RgbFrame, b: RgbFrame): number {
  const length = Math.min(a.data.length, b.data.length);
  if (length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < length; i += 1) sum += Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0));
  return sum / length / 255;
}

/** Mean Rec. 709 luma. */
export function meanBrightness(frame: RgbFrame): number {
  const pixels = frame.data.length / 3;
  if (pixels === 0) return 0;
  let sum = 0;
  for (let i = 0; i < frame.data.length; i += 3) {
    sum +=
      0.2126 * (frame.data[i] ?? 0) +
      0.7152 * (frame.data[i + 1] ?? 0) +
      0.0722 * (frame.data[i + 2] ?? 0);
  }
  return sum / pixels / 255;
}

export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b]
    .map((v) =>
      Math.round(Math.min(255, Math.max(0, v)))
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")
    .toUpperCase()}`;
}

/**
 * The most common colour: pixels binned at 4 bits per channel, the fullest bin's mean
 * returned (a plain mean would blend product and backdrop into a colour that is in neither).
 */
export function dominantColour(frame: RgbFrame): Rgb {
  const counts = new Uint32Array(4096);
  const sums = new Float64Array(4096 * 3);
  for (let i = 0; i < frame.data.length; i += 3) {
    const r = frame.data[i] ?? 0;
    const g = frame.data[i + 1] ?? 0;
    const b = frame.data[i + 2] ?? 0;
    const bin = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
    counts[bin] = (counts[bin] ?? 0) + 1;
    sums[bin * 3] = (sums[bin * 3] ?? 0) + r;
    sums[bin * 3 + 1] = (sums[bin * 3 + 1] ?? 0) + g;
    sums[bin * 3 + 2] = (sums[bin * 3 + 2] ?? 0) + b;
  }
  let best = 0;
  for (let bin = 1; bin < counts.length; bin += 1)
    if ((counts[bin] ?? 0) > (counts[best] ?? 0)) best = bin;
  const count = counts[best] || 1;
  return [
    (sums[best * 3] ?? 0) / count,
    (sums[best * 3 + 1] ?? 0) / count,
    (sums[best * 3 + 2] ?? 0) / count,
  ];
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The product's box as fractions of the frame, from the 2nd to the 98th percentile of product
 * pixels on each axis so stray specks do not stretch it. Too few product pixels → the whole frame.
 */
export function productBox(mask: Uint8Array, width: number, height: number): Box {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < mask.length; i += 1) {
    if (mask[i]) {
      xs.push(i % width);
      ys.push(Math.floor(i / width));
    }
  }
  if (xs.length < mask.length * 0.003) return { x: 0, y: 0, w: 1, h: 1 };
  xs.sort((a, b) => a - b);
  ys.sort((a, b) => a - b);
  const at = (values: number[], q: number) =>
    values[Math.min(values.length - 1, Math.floor(values.length * q))] ?? 0;
  const [x0, x1, y0, y1] = [at(xs, 0.02), at(xs, 0.98) + 1, at(ys, 0.02), at(ys, 0.98) + 1];
  return { x: x0 / width, y: y0 / height, w: (x1 - x0) / width, h: (y1 - y0) / height };
}
