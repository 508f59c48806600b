import { describe, expect, it } from "vitest";
import type { ClipAnalysis } from "@adgen/agents";
import { mapToOutput, planClipFraming, productExtent } from "./clip-framing";

const HD = { width: 1920, height: 1080 };
const VERTICAL = { width: 1080, height: 1920 };

function analysis(box: { x: number; y: number; w: number; h: number }): ClipAnalysis {
  return {
    durationSec: 3,
    quietRegion: "bottom",
    seconds: [0, 1, 2].map((t) => ({
      t,
      motion: 0.1,
      brightness: 0.5,
      dominantColor: "#808080",
      productBox: box,
    })),
  };
}

describe("planClipFraming", () => {
  it("scales a same-shape source to fill", () => {
    const framing = planClipFraming({ width: 1280, height: 720, sar: 1 }, HD, null);
    expect(framing).toEqual({ kind: "crop", crop: { x: 0, y: 0, width: 1280, height: 720 } });
  });

  it("crops around the product when it fits the window (smart crop), keeping the output's shape", () => {
    const source = { width: 1024, height: 1024, sar: 1 };
    const product = productExtent(analysis({ x: 0.35, y: 0.1, w: 0.3, h: 0.3 }), 3);
    const framing = planClipFraming(source, HD, product);
    expect(framing.kind).toBe("crop");
    if (framing.kind !== "crop") return;
    expect(framing.crop.width / framing.crop.height).toBeCloseTo(16 / 9, 2);
    // The window moved up to hold the product, clamped at the top edge.
    expect(framing.crop.y).toBe(0);
  });

  it("shows the whole clip over a blurred fill when the product would be cut, never stretching it", () => {
    const source = { width: 1024, height: 1024, sar: 1 };
    const tall = productExtent(analysis({ x: 0.4, y: 0.1, w: 0.2, h: 0.8 }), 3);
    const framing = planClipFraming(source, HD, tall);
    expect(framing.kind).toBe("blurred-fill");
    if (framing.kind !== "blurred-fill") return;
    expect(framing.fit).toEqual({ x: 420, y: 0, width: 1080, height: 1080 });
  });

  it("without an analysis, crops only when little is lost", () => {
    expect(planClipFraming({ width: 1440, height: 1080, sar: 1 }, HD, null).kind).toBe(
      "blurred-fill",
    );
    expect(planClipFraming({ width: 1080, height: 1920, sar: 1 }, HD, null).kind).toBe(
      "blurred-fill",
    );
    expect(planClipFraming({ width: 1600, height: 1000, sar: 1 }, HD, null).kind).toBe("crop");
    expect(planClipFraming({ width: 1280, height: 720, sar: 1 }, VERTICAL, null).kind).toBe(
      "blurred-fill",
    );
  });

  it("honours the sample aspect ratio: anamorphic 1440×1080 at 4:3 SAR is 16:9", () => {
    const framing = planClipFraming({ width: 1440, height: 1080, sar: 4 / 3 }, HD, null);
    expect(framing).toEqual({ kind: "crop", crop: { x: 0, y: 0, width: 1440, height: 1080 } });
    const fitted = planClipFraming(
      { width: 720, height: 576, sar: 64 / 45 },
      { width: 1080, height: 1080 },
      null,
    );
    expect(fitted.kind).toBe("blurred-fill");
    if (fitted.kind !== "blurred-fill") return;
    // 720×576 at 64:45 displays as 1024×576: fitted into 1080 wide, it is 1080×608 (even).
    expect(fitted.fit.width / fitted.fit.height).toBeCloseTo(1024 / 576, 2);
  });
});

describe("mapToOutput", () => {
  it("follows the product through a crop and through a fit", () => {
    const source = { width: 1024, height: 1024, sar: 1 };
    const crop = { kind: "crop" as const, crop: { x: 0, y: 224, width: 1024, height: 576 } };
    const box = mapToOutput({ x: 0.25, y: 0.5, w: 0.5, h: 0.25 }, crop, source, HD);
    expect(box.x).toBeCloseTo(0.25);
    expect(box.y).toBeCloseTo((512 - 224) / 576);
    expect(box.h).toBeCloseTo(256 / 576);
    const fit = planClipFraming(source, HD, null);
    const fitted = mapToOutput({ x: 0, y: 0, w: 1, h: 1 }, fit, source, HD);
    expect(fitted.x).toBeCloseTo(420 / 1920);
    expect(fitted.w).toBeCloseTo(1080 / 1920);
  });
});
