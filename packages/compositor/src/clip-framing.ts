import type { ClipAnalysis } from "@adgen/agents";
import { even, type FrameSize } from "./output-format";

/** A box as fractions of a frame (0–1), like the analyst's productBox. */
export interface FractionBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The clip as displayed: storage size corrected by its sample aspect ratio and rotation. */
export interface SourceGeometry {
  /** Storage size, what filters see before any scaling. */
  width: number;
  height: number;
  /** Sample (pixel) aspect ratio; 1 for square pixels. */
  sar: number;
}

/**
 * How a clip fills the output frame, never stretched:
 * - crop: a window of the output's aspect (in storage pixels) scaled to fill;
 * - blurred-fill: the whole clip fitted inside, over a blurred, dimmed copy filling the frame.
 */
export type ClipFraming =
  | { kind: "crop"; crop: { x: number; y: number; width: number; height: number } }
  | {
      kind: "blurred-fill";
      /** The centred fill window the background is made from (storage pixels). */
      crop: { x: number; y: number; width: number; height: number };
      fit: { x: number; y: number; width: number; height: number };
    };

/** Below this, cropping loses nothing anyone would miss (e.g. 1280×720 vs 1920×1080 rounding). */
const SAME_SHAPE_TOLERANCE = 0.02;
/** Without knowing where the product is, crop only when at least this much of the picture stays. */
const BLIND_CROP_MIN_KEPT = 0.8;
/** Analysts find the product's bulk, not always its edges: keep a generous margin around it. */
const PRODUCT_MARGIN = 0.1;

/** The smallest box holding the product in every analysed second of the used part, or null. */
export function productExtent(
  analysis: ClipAnalysis | undefined,
  usedSec: number,
): FractionBox | null {
  const boxes = (analysis?.seconds ?? [])
    .filter((second) => second.t < usedSec && second.productBox.w > 0 && second.productBox.h > 0)
    .map((second) => second.productBox);
  if (boxes.length === 0) return null;
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.w));
  const bottom = Math.max(...boxes.map((b) => b.y + b.h));
  return { x: left, y: top, w: right - left, h: bottom - top };
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/**
 * Chooses crop or blurred fill for one clip. With the analyst's product boxes the crop is
 * "smart": the window follows the product and is used only if the whole product fits in it;
 * otherwise the clip is shown whole over a blurred fill.
 */
export function planClipFraming(
  source: SourceGeometry,
  output: FrameSize,
  product: FractionBox | null,
): ClipFraming {
  const displayWidth = source.width * source.sar;
  const displayHeight = source.height;
  const outputAspect = output.width / output.height;
  const sourceAspect = displayWidth / displayHeight;
  // The largest window of the output's shape, in display pixels.
  const windowWidth = Math.min(displayWidth, displayHeight * outputAspect);
  const windowHeight = windowWidth / outputAspect;
  const kept = (windowWidth * windowHeight) / (displayWidth * displayHeight);

  const toStorage = (centreX: number, centreY: number) => {
    const x = clamp(centreX - windowWidth / 2, 0, displayWidth - windowWidth);
    const y = clamp(centreY - windowHeight / 2, 0, displayHeight - windowHeight);
    return {
      x: Math.round(x / source.sar),
      y: Math.round(y),
      width: Math.max(2, Math.round(windowWidth / source.sar)),
      height: Math.max(2, Math.round(windowHeight)),
    };
  };
  const centred = toStorage(displayWidth / 2, displayHeight / 2);

  if (Math.abs(sourceAspect / outputAspect - 1) <= SAME_SHAPE_TOLERANCE) {
    return { kind: "crop", crop: centred };
  }
  if (product) {
    const productWidth = (product.w + 2 * PRODUCT_MARGIN) * displayWidth;
    const productHeight = (product.h + 2 * PRODUCT_MARGIN) * displayHeight;
    if (productWidth <= windowWidth && productHeight <= windowHeight) {
      const centreX = (product.x + product.w / 2) * displayWidth;
      const centreY = (product.y + product.h / 2) * displayHeight;
      return { kind: "crop", crop: toStorage(centreX, centreY) };
    }
  } else if (kept >= BLIND_CROP_MIN_KEPT) {
    return { kind: "crop", crop: centred };
  }
  const scale = Math.min(output.width / displayWidth, output.height / displayHeight);
  const fitWidth = Math.min(output.width, even(displayWidth * scale));
  const fitHeight = Math.min(output.height, even(displayHeight * scale));
  return {
    kind: "blurred-fill",
    crop: centred,
    fit: {
      x: even((output.width - fitWidth) / 2),
      y: even((output.height - fitHeight) / 2),
      width: fitWidth,
      height: fitHeight,
    },
  };
}

/** Where a box given as fractions of the source frame lands in the output, as fractions. */
export function mapToOutput(
  box: FractionBox,
  framing: ClipFraming,
  source: SourceGeometry,
  output: FrameSize,
): FractionBox {
  if (framing.kind === "crop") {
    const { crop } = framing;
    return {
      x: (box.x * source.width - crop.x) / crop.width,
      y: (box.y * source.height - crop.y) / crop.height,
      w: (box.w * source.width) / crop.width,
      h: (box.h * source.height) / crop.height,
    };
  }
  const { fit } = framing;
  return {
    x: (fit.x + box.x * fit.width) / output.width,
    y: (fit.y + box.y * fit.height) / output.height,
    w: (box.w * fit.width) / output.width,
    h: (box.h * fit.height) / output.height,
  };
}
