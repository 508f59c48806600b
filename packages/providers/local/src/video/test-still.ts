import { createCanvas } from "@napi-rs/canvas";

/**
 * A product-like still for tests: a dark, detailed box centred on a light backdrop, so
 * magnification, position and colour can be measured on the rendered clip.
 */
export function makeTestStill(size = 512, format: "png" | "jpeg" = "png"): Buffer {
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#E6E0D4";
  ctx.fillRect(0, 0, size, size);
  const box = size * 0.3;
  const left = (size - box) / 2;
  ctx.fillStyle = "#202A44";
  ctx.fillRect(left, left, box, box);
  ctx.fillStyle = "#C8A040";
  for (let i = 0; i < 4; i += 1)
    ctx.fillRect(left + box * 0.1, left + box * (0.15 + i * 0.2), box * 0.8, box * 0.06);
  return format === "png" ? canvas.toBuffer("image/png") : canvas.toBuffer("image/jpeg", 92);
}

/** Columns (or rows) of a grayscale frame's middle row (column) darker than the backdrop. */
export function darkExtent(
  frame: Buffer,
  width: number,
  height: number,
  axis: "x" | "y",
): { start: number; end: number } {
  const count = axis === "x" ? width : height;
  let start = -1;
  let end = -1;
  for (let i = 0; i < count; i += 1) {
    const value =
      axis === "x"
        ? frame[Math.floor(height / 2) * width + i]
        : frame[i * width + Math.floor(width / 2)];
    if ((value ?? 255) < 120) {
      if (start < 0) start = i;
      end = i;
    }
  }
  return { start, end };
}
