import { MediaError } from "../errors";

const MAX_CODE_POINT = 0x10ffff;

/** Which Unicode code points a font maps to a real glyph (not .notdef), read from its cmap. */
export class GlyphCoverage {
  constructor(private readonly bits: Uint8Array) {}

  has(codePoint: number): boolean {
    if (codePoint < 0 || codePoint > MAX_CODE_POINT) return false;
    return ((this.bits[codePoint >> 3] ?? 0) & (1 << (codePoint & 7))) !== 0;
  }
}

function setBit(bits: Uint8Array, codePoint: number): void {
  bits[codePoint >> 3] = (bits[codePoint >> 3] ?? 0) | (1 << (codePoint & 7));
}

function readFormat4(font: Buffer, table: number, bits: Uint8Array): void {
  const segCountX2 = font.readUInt16BE(table + 6);
  const endCodes = table + 14;
  const startCodes = endCodes + segCountX2 + 2;
  const idDeltas = startCodes + segCountX2;
  const idRangeOffsets = idDeltas + segCountX2;
  for (let seg = 0; seg < segCountX2; seg += 2) {
    const end = font.readUInt16BE(endCodes + seg);
    const start = font.readUInt16BE(startCodes + seg);
    const delta = font.readUInt16BE(idDeltas + seg);
    const rangeOffset = font.readUInt16BE(idRangeOffsets + seg);
    for (let code = start; code <= end && code !== 0xffff; code += 1) {
      let glyph: number;
      if (rangeOffset === 0) {
        glyph = (code + delta) & 0xffff;
      } else {
        const address = idRangeOffsets + seg + rangeOffset + 2 * (code - start);
        if (address + 2 > font.length) continue;
        const raw = font.readUInt16BE(address);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) setBit(bits, code);
    }
  }
}

function readFormat12(font: Buffer, table: number, bits: Uint8Array): void {
  const groups = font.readUInt32BE(table + 12);
  for (let i = 0; i < groups; i += 1) {
    const group = table + 16 + i * 12;
    const start = font.readUInt32BE(group);
    const end = Math.min(font.readUInt32BE(group + 4), MAX_CODE_POINT);
    const startGlyph = font.readUInt32BE(group + 8);
    for (let code = start; code <= end; code += 1) {
      if (startGlyph + (code - start) !== 0) setBit(bits, code);
    }
  }
}

/** Offset of the sfnt header: fonts in a .ttc collection sit at offsets listed in its header. */
function sfntOffset(font: Buffer, faceIndex: number): number {
  if (font.toString("ascii", 0, 4) !== "ttcf") return 0;
  const faces = font.readUInt32BE(8);
  if (faceIndex >= faces)
    throw new MediaError("BAD_INPUT", `The font collection has no face ${faceIndex}`);
  return font.readUInt32BE(12 + faceIndex * 4);
}

/**
 * Reads the Unicode cmap subtables (formats 4 and 12) of a TrueType/OpenType font or
 * collection. We need this because @napi-rs/canvas silently draws boxes for missing glyphs,
 * and callers must refuse text we cannot draw before any work starts.
 */
export function readGlyphCoverage(font: Buffer, faceIndex = 0): GlyphCoverage {
  try {
    const sfnt = sfntOffset(font, faceIndex);
    const tableCount = font.readUInt16BE(sfnt + 4);
    let cmap = -1;
    for (let i = 0; i < tableCount; i += 1) {
      const record = sfnt + 12 + i * 16;
      if (font.toString("ascii", record, record + 4) === "cmap")
        cmap = font.readUInt32BE(record + 8);
    }
    if (cmap < 0) throw new Error("no cmap table");
    const bits = new Uint8Array((MAX_CODE_POINT >> 3) + 1);
    const subtables = font.readUInt16BE(cmap + 2);
    for (let i = 0; i < subtables; i += 1) {
      const record = cmap + 4 + i * 8;
      const platform = font.readUInt16BE(record);
      const encoding = font.readUInt16BE(record + 2);
      const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
      if (!unicode) continue;
      const table = cmap + font.readUInt32BE(record + 4);
      const format = font.readUInt16BE(table);
      if (format === 4) readFormat4(font, table, bits);
      else if (format === 12) readFormat12(font, table, bits);
    }
    return new GlyphCoverage(bits);
  } catch (error) {
    if (error instanceof MediaError) throw error;
    throw new MediaError("BAD_INPUT", "The font file could not be read", { cause: error });
  }
}
