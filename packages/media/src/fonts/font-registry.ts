import { readFileSync } from "node:fs";
import { GlobalFonts } from "@napi-rs/canvas";
import type { OverlayFont } from "@adgen/schemas";
import { MediaError } from "../errors";
import { displayFontFace, fallbackFontFaces, type FontFace } from "./font-catalog";
import { readGlyphCoverage, type GlyphCoverage } from "./glyph-coverage";

const registered = new Set<string>();
const coverageByFile = new Map<string, GlyphCoverage>();
const chains = new Map<OverlayFont, FontFace[]>();

function register(face: FontFace): void {
  if (registered.has(face.file)) return;
  if (!GlobalFonts.registerFromPath(face.file, face.family)) {
    throw new MediaError("CONFIG", `The font ${face.file} could not be loaded`);
  }
  registered.add(face.file);
}

function coverage(face: FontFace): GlyphCoverage {
  let known = coverageByFile.get(face.file);
  if (!known) {
    known = readGlyphCoverage(readFileSync(face.file));
    coverageByFile.set(face.file, known);
  }
  return known;
}

/** The display face followed by every fallback, in the order canvas looks glyphs up. */
export function fontChain(font: OverlayFont): FontFace[] {
  // Memoised: text checks look a face up per character, and resolving paths each time adds up.
  let chain = chains.get(font);
  if (!chain) {
    chain = [displayFontFace(font), ...fallbackFontFaces()];
    chains.set(font, chain);
  }
  return chain;
}

/** Registers the display font and all fallbacks with @napi-rs/canvas (once per process). */
export function registerOverlayFonts(font: OverlayFont): FontFace[] {
  const chain = fontChain(font);
  chain.forEach(register);
  return chain;
}

/** A CSS font shorthand for canvas: the display font first, then per-glyph fallbacks. */
export function canvasFont(font: OverlayFont, sizePx: number): string {
  const chain = registerOverlayFonts(font);
  const weight = chain[0]?.weight ?? 700;
  return `${weight} ${sizePx}px ${chain.map((face) => `"${face.family}"`).join(", ")}`;
}

/** The first face in the chain that has a glyph for the code point, if any. */
export function faceForCodePoint(font: OverlayFont, codePoint: number): FontFace | undefined {
  return fontChain(font).find((face) => coverage(face).has(codePoint));
}
