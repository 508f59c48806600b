import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isMediaError } from "../errors";
import { displayFontFace, fallbackFontFaces, overlayFontFile } from "./font-catalog";
import { readGlyphCoverage } from "./glyph-coverage";

const coverageOf = (file: string) => readGlyphCoverage(readFileSync(file));
const fallback = (family: string) => {
  const face = fallbackFontFaces().find((f) => f.family === family);
  if (!face) throw new Error(`no ${family}`);
  return coverageOf(face.file);
};

describe("font files and their glyphs", () => {
  it("ships a TTF for every overlay font", () => {
    for (const font of ["montserrat", "poppins", "bebas-neue", "anton"] as const) {
      const file = overlayFontFile(font);
      expect(file).toMatch(/\.ttf$/);
      expect(readFileSync(file).readUInt32BE(0)).toBe(0x00010000);
      expect(displayFontFace(font).family).toMatch(/^Adgen /);
    }
  });

  it("reads which characters each font can draw", () => {
    const montserrat = coverageOf(overlayFontFile("montserrat"));
    expect(montserrat.has("A".codePointAt(0) ?? 0)).toBe(true);
    expect(montserrat.has("é".codePointAt(0) ?? 0)).toBe(true);
    expect(montserrat.has("日".codePointAt(0) ?? 0)).toBe(false);
    expect(fallback("Adgen Noto Sans JP").has("日".codePointAt(0) ?? 0)).toBe(true);
    expect(fallback("Adgen Noto Sans JP").has("ア".codePointAt(0) ?? 0)).toBe(true);
    expect(fallback("Adgen Noto Sans KR").has("한".codePointAt(0) ?? 0)).toBe(true);
    expect(fallback("Adgen Noto Sans Arabic").has("ع".codePointAt(0) ?? 0)).toBe(true);
    expect(fallback("Adgen Noto Sans Devanagari").has("ह".codePointAt(0) ?? 0)).toBe(true);
    expect(fallback("Adgen Noto Sans Thai").has("ไ".codePointAt(0) ?? 0)).toBe(true);
    // Beyond the BMP: the emoji font's format-12 cmap.
    expect(fallback("Adgen Noto Emoji").has("🍶".codePointAt(0) ?? 0)).toBe(true);
    expect(fallback("Adgen Noto Emoji").has(0x10fffd)).toBe(false);
  });

  // A system font, not one we ship: reported as skipped where it is missing, not as passed.
  const ttc = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";
  it.skipIf(!existsSync(ttc))("reads the first face of a font collection (.ttc)", () => {
    expect(coverageOf(ttc).has("这".codePointAt(0) ?? 0)).toBe(true);
  });

  it("rejects bytes that are not a font", () => {
    try {
      readGlyphCoverage(Buffer.from("definitely not a font file"));
      expect.unreachable();
    } catch (error) {
      expect(isMediaError(error, "BAD_INPUT")).toBe(true);
    }
  });
});
