import type { AspectRatio } from "@adgen/schemas";

export interface FrameSize {
  width: number;
  height: number;
}

const OUTPUT_SIZES: Record<AspectRatio, FrameSize> = {
  "16:9": { width: 1920, height: 1080 },
  "9:16": { width: 1080, height: 1920 },
  "1:1": { width: 1080, height: 1080 },
};

export function outputSize(aspectRatio: AspectRatio): FrameSize {
  return OUTPUT_SIZES[aspectRatio];
}

/** A rectangle in output pixels. */
export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** yuv420p overlays and crops land on even pixels, or chroma shifts by half a pixel. */
export const even = (value: number) => Math.max(0, Math.round(value / 2) * 2);

/**
 * The title-safe area: 6 % in from each edge, where text survives TV overscan, phone UI
 * chrome and social-feed crops.
 */
export function safeArea(size: FrameSize): PixelBox {
  const x = even(size.width * 0.06);
  const y = even(size.height * 0.06);
  return { x, y, width: size.width - 2 * x, height: size.height - 2 * y };
}
