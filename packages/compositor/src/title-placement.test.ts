import { describe, expect, it } from "vitest";
import type { ClipAnalysis } from "@adgen/agents";
import { safeArea } from "./output-format";
import { chooseTitleRegion, titlePosition, titleSlot } from "./title-placement";

const sizes = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
  { width: 1080, height: 1080 },
];
const analysis = (quietRegion: ClipAnalysis["quietRegion"]): ClipAnalysis => ({
  durationSec: 2,
  quietRegion,
  seconds: [],
});

describe("title placement", () => {
  it("keeps every slot inside the title-safe area", () => {
    for (const size of sizes) {
      const safe = safeArea(size);
      for (const region of ["top", "bottom", "left", "right"] as const) {
        const { box } = titleSlot(region, size);
        expect(box.x).toBeGreaterThanOrEqual(safe.x);
        expect(box.y).toBeGreaterThanOrEqual(safe.y);
        expect(box.x + box.width).toBeLessThanOrEqual(safe.x + safe.width);
        expect(box.y + box.height).toBeLessThanOrEqual(safe.y + safe.height);
      }
    }
  });

  it("sits against the edge its region names", () => {
    const size = sizes[0]!;
    const image = { width: 400, height: 100 };
    const bottom = titlePosition(titleSlot("bottom", size), image);
    const top = titlePosition(titleSlot("top", size), image);
    const right = titlePosition(titleSlot("right", size), image);
    expect(bottom.y).toBeGreaterThan(size.height / 2);
    expect(top.y + image.height).toBeLessThan(size.height / 3);
    expect(right.x).toBeGreaterThan((size.width * 2) / 3 - 2);
  });

  it("takes the analyst's quiet region when the product stays out of it", () => {
    const product = [{ x: 0.3, y: 0.55, w: 0.4, h: 0.4 }];
    expect(chooseTitleRegion(analysis("top"), product, sizes[0]!)).toBe("top");
  });

  it("moves away from where the product actually lands after framing", () => {
    // The analyst said bottom, but after cropping the product fills the lower half.
    const product = [{ x: 0.3, y: 0.5, w: 0.4, h: 0.5 }];
    expect(chooseTitleRegion(analysis("bottom"), product, sizes[0]!)).toBe("top");
  });

  it("prefers a clear full-width band to the analyst's side column", () => {
    const product = [{ x: 0.55, y: 0.3, w: 0.3, h: 0.4 }];
    expect(chooseTitleRegion(analysis("left"), product, sizes[2]!)).toBe("bottom");
  });

  it("uses the analyst's side when the product runs through both bands", () => {
    const product = [{ x: 0.4, y: 0.05, w: 0.25, h: 0.9 }];
    expect(chooseTitleRegion(analysis("left"), product, sizes[0]!)).toBe("left");
  });

  it("defaults to the lower third without an analysis", () => {
    expect(chooseTitleRegion(undefined, [], sizes[1]!)).toBe("bottom");
  });
});
