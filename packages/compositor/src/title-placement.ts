import type { ClipAnalysis } from "@adgen/agents";
import type { FractionBox } from "./clip-framing";
import { even, safeArea, type FrameSize, type PixelBox } from "./output-format";

export type TitleRegion = ClipAnalysis["quietRegion"];

export interface TitleSlot {
  region: TitleRegion;
  /** The safe box the rendered title must fit in. */
  box: PixelBox;
  align: "left" | "center" | "right";
  maxLines: number;
  maxFontSize: number;
}

/**
 * The product-name title during the clips: a lower (or upper) third across the safe width, or
 * a side column inside the left/right third. Sizes scale with the short side so the three
 * formats read alike.
 */
export function titleSlot(region: TitleRegion, size: FrameSize): TitleSlot {
  const safe = safeArea(size);
  const short = Math.min(size.width, size.height);
  const maxFontSize = Math.round(short * 0.075);
  if (region === "top" || region === "bottom") {
    const height = even(short * 0.17);
    const y = region === "top" ? safe.y : safe.y + safe.height - height;
    return {
      region,
      box: { x: safe.x, y, width: safe.width, height },
      align: "center",
      maxLines: 2,
      maxFontSize,
    };
  }
  const width = even(size.width * 0.36 - safe.x);
  const height = even(safe.height * 0.5);
  const x = region === "left" ? safe.x : size.width - safe.x - width;
  return {
    region,
    box: { x, y: even((size.height - height) / 2), width, height },
    align: region,
    maxLines: 3,
    maxFontSize,
  };
}

/** Where a rendered title of the given size sits in its slot: against the frame edge it names. */
export function titlePosition(
  slot: TitleSlot,
  image: { width: number; height: number },
): { x: number; y: number } {
  const { box } = slot;
  const centredX = box.x + (box.width - image.width) / 2;
  const centredY = box.y + (box.height - image.height) / 2;
  switch (slot.region) {
    case "top":
      return { x: even(centredX), y: even(box.y) };
    case "bottom":
      return { x: even(centredX), y: even(box.y + box.height - image.height) };
    case "left":
      return { x: even(box.x), y: even(centredY) };
    case "right":
      return { x: even(box.x + box.width - image.width), y: even(centredY) };
  }
}

function overlapArea(a: FractionBox, b: FractionBox): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Below this share of the slot covered by product, the slot counts as clear. */
const CLEAR_OVERLAP = 0.02;

const isBand = (region: TitleRegion) => region === "top" || region === "bottom";

/**
 * Picks the title region for one clip: a place the product is not. The analyst's quietRegion
 * was judged on the source frame, and cropping or a blurred fill moves the product, so each
 * candidate is checked against the product boxes as they land in the output. Full-width bands
 * read better than a side column (narrow in 9:16 and 1:1, where the text would wrap small), so
 * the order is: the analyst's band, the lower then upper third, the analyst's side, right,
 * left. If none is clear, the least covered.
 */
export function chooseTitleRegion(
  analysis: ClipAnalysis | undefined,
  productBoxesInOutput: FractionBox[],
  size: FrameSize,
): TitleRegion {
  const quiet = analysis?.quietRegion;
  const preferred: TitleRegion[] = [
    ...(quiet && isBand(quiet) ? [quiet] : []),
    "bottom",
    "top",
    ...(quiet ? [quiet] : []),
    "right",
    "left",
  ];
  const candidates = [...new Set(preferred)];
  const covered = (region: TitleRegion) => {
    const { box } = titleSlot(region, size);
    const slot = {
      x: box.x / size.width,
      y: box.y / size.height,
      w: box.width / size.width,
      h: box.height / size.height,
    };
    const worst = Math.max(0, ...productBoxesInOutput.map((p) => overlapArea(slot, p)));
    return worst / (slot.w * slot.h);
  };
  const scored = candidates.map((region) => ({ region, covered: covered(region) }));
  const clear = scored.find((candidate) => candidate.covered <= CLEAR_OVERLAP);
  if (clear) return clear.region;
  return scored.reduce((best, candidate) => (candidate.covered < best.covered ? candidate : best))
    .region;
}
