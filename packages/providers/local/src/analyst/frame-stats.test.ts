import { describe, expect, it } from "vitest";
import {
  dominantColour,
  meanAbsDifference,
  meanBrightness,
  productBox,
  toHex,
} from "./frame-stats";
import { quietestRegion } from "./quiet-region";

const solid = (width: number, height: number, rgb: [number, number, number]) => ({
  width,
  height,
  data: Uint8Array.from({ length: width * height * 3 }, (_, i) => rgb[i % 3] ?? 0),
});

describe("frame statistics", () => {
  it("measures brightness, difference and the most common colour", () => {
    const white = solid(4, 4, [255, 255, 255]);
    const black = solid(4, 4, [0, 0, 0]);
    expect(meanBrightness(white)).toBeCloseTo(1, 5);
    expect(meanAbsDifference(white, black)).toBe(1);
    expect(meanAbsDifference(white, white)).toBe(0);
    const mostlyRed = solid(4, 4, [200, 20, 20]);
    mostlyRed.data.set([0, 0, 255], 0);
    expect(toHex(dominantColour(mostlyRed))).toBe("#C81414");
  });

  it("boxes the product pixels as fractions of the frame", () => {
    const mask = new Uint8Array(100);
    for (let y = 2; y < 6; y += 1) for (let x = 5; x < 9; x += 1) mask[y * 10 + x] = 1;
    expect(productBox(mask, 10, 10)).toEqual({ x: 0.5, y: 0.2, w: 0.4, h: 0.4 });
    expect(productBox(new Uint8Array(100), 10, 10)).toEqual({ x: 0, y: 0, w: 1, h: 1 });
  });

  it("prefers the bottom third for overlays when thirds tie", () => {
    expect(quietestRegion({ bottom: 5, top: 5, left: 5, right: 5 })).toBe("bottom");
    expect(quietestRegion({ bottom: 9, top: 2, left: 5, right: 5 })).toBe("top");
  });
});
