import { createCanvas, loadImage } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { isMediaError } from "../errors";
import { renderTextImage, type TextImageOptions } from "./render-text-image";
import { canRenderText, checkTextSupport, normalizeOverlayText } from "./text-support";

async function pixelsOf(png: Buffer) {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(image, 0, 0);
  return {
    width: image.width,
    height: image.height,
    data: ctx.getImageData(0, 0, image.width, image.height).data,
  };
}

const box = { maxWidth: 800, maxHeight: 200 } satisfies Partial<TextImageOptions>;

describe("renderTextImage", () => {
  it("draws the text in the asked colour on a transparent image inside the box", async () => {
    const image = await renderTextImage({
      text: "Aurora",
      font: "montserrat",
      color: "#FF2010",
      ...box,
    });
    expect(image.width).toBeLessThanOrEqual(800);
    expect(image.height).toBeLessThanOrEqual(200);
    const { data, width, height } = await pixelsOf(image.png);
    expect([width, height]).toEqual([image.width, image.height]);
    expect(data[3]).toBe(0);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      if ((data[i + 3] ?? 0) === 255 && (data[i] ?? 0) > 240 && (data[i + 1] ?? 0) < 50) ink += 1;
    }
    expect(ink).toBeGreaterThan(1000);
  });

  it("shrinks and wraps long text, and ellipsizes only as a last resort", async () => {
    const short = await renderTextImage({ text: "Sale", font: "anton", ...box });
    const long = await renderTextImage({
      text: "The most comfortable running shoe ever made for city marathons",
      font: "anton",
      ...box,
    });
    expect(long.fontSize).toBeLessThan(short.fontSize);
    expect(long.lines.length).toBe(2);
    expect(long.lines.join(" ")).toBe(
      "The most comfortable running shoe ever made for city marathons",
    );
    const squeezed = await renderTextImage({
      text: "An extremely long call to action that cannot possibly fit on one small line",
      font: "poppins",
      maxWidth: 200,
      maxHeight: 40,
      maxLines: 1,
      minFontSize: 14,
    });
    expect(squeezed.lines).toHaveLength(1);
    expect(squeezed.lines[0]).toMatch(/…$/);
    expect(squeezed.width).toBeLessThanOrEqual(200);
  });

  it("draws Japanese, Korean and Arabic with fallback fonts instead of empty boxes", async () => {
    // Missing glyphs would all render as the same box: different words must give different pixels.
    for (const [a, b] of [
      ["日本酒", "木本酒"],
      ["한국어", "국한어"],
      ["عرض", "خاص"],
    ] as const) {
      const [first, second] = await Promise.all([
        renderTextImage({ text: a, font: "montserrat", ...box }),
        renderTextImage({ text: b, font: "montserrat", ...box }),
      ]);
      const [p1, p2] = await Promise.all([pixelsOf(first.png), pixelsOf(second.png)]);
      const same =
        p1.width === p2.width &&
        p1.height === p2.height &&
        p1.data.every((v, i) => v === p2.data[i]);
      expect(same).toBe(false);
    }
  });

  it("takes any characters as plain text, and renders identically every time", async () => {
    const text = `It's "50%" off: C:\\deals\\ [x]; a,b {y} %{localtime} 100%`;
    const [one, two] = await Promise.all([
      renderTextImage({ text, font: "poppins", ...box }),
      renderTextImage({ text, font: "poppins", ...box }),
    ]);
    expect(one.lines.join(" ")).toBe(text);
    expect(one.png.equals(two.png)).toBe(true);
  });

  it("refuses text no bundled font can draw, and bad options", async () => {
    await expect(
      renderTextImage({ text: "Hi \u{13000}", font: "montserrat", ...box }),
    ).rejects.toSatisfy(
      (error) => isMediaError(error, "UNRENDERABLE_TEXT") && error.message.includes("\u{13000}"),
    );
    await expect(renderTextImage({ text: "   ", font: "montserrat", ...box })).rejects.toSatisfy(
      (error) => isMediaError(error, "BAD_INPUT"),
    );
    await expect(
      renderTextImage({ text: "Hi", font: "montserrat", color: "red", ...box }),
    ).rejects.toSatisfy((error) => isMediaError(error, "BAD_INPUT") && /color/.test(error.message));
  });
});

describe("text support", () => {
  it("accepts mixed scripts and emoji, and names what it cannot draw", () => {
    expect(canRenderText("Café 日本 한국 عرض हिन्दी ไทย Ελλάδα Привет 🍶✨", "bebas-neue")).toBe(
      true,
    );
    expect(checkTextSupport("ok \u{13000}\u{13001} ok", "anton")).toEqual({
      renderable: false,
      missing: ["\u{13000}", "\u{13001}"],
    });
  });

  it("normalises whitespace, controls and accents", () => {
    expect(normalizeOverlayText("  Big\n\tSale\u0007 ", "montserrat")).toBe("Big Sale");
    expect(normalizeOverlayText("Cafe\u0301", "montserrat")).toBe("Café");
  });
});
