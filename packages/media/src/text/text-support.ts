import type { OverlayFont } from "@adgen/schemas";
import { faceForCodePoint } from "../fonts/font-registry";

/** Characters renderers draw as nothing (joiners, variation selectors, bidi marks). */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;
/** Skin tones and tag sequences: decoration our monochrome emoji font may lack; dropped, not refused. */
const OPTIONAL_DECORATION = /\p{Emoji_Modifier}|[\u{E0020}-\u{E007F}]|\u{20E3}/u;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/gu;

export interface TextSupport {
  renderable: boolean;
  /** Each character no bundled font can draw, once, in order of appearance. */
  missing: string[];
}

/**
 * Prepares user text for an overlay: NFC (so accents composed on input match font glyphs),
 * whitespace runs (line breaks included) become one space, control characters and
 * decorations no font has are dropped.
 */
export function normalizeOverlayText(text: string, font: OverlayFont): string {
  const cleaned = text.normalize("NFC").replace(CONTROL, " ").replace(/\s+/gu, " ").trim();
  let result = "";
  for (const char of cleaned) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (OPTIONAL_DECORATION.test(char) && !faceForCodePoint(font, codePoint)) continue;
    result += char;
  }
  return result;
}

/** Tells whether every visible character of `text` has a glyph in the font or its fallbacks. */
export function checkTextSupport(text: string, font: OverlayFont): TextSupport {
  const missing: string[] = [];
  for (const char of normalizeOverlayText(text, font)) {
    if (/\s/u.test(char) || INVISIBLE.test(char)) continue;
    if (!faceForCodePoint(font, char.codePointAt(0) ?? 0) && !missing.includes(char))
      missing.push(char);
  }
  return { renderable: missing.length === 0, missing };
}

export function canRenderText(text: string, font: OverlayFont): boolean {
  return checkTextSupport(text, font).renderable;
}
