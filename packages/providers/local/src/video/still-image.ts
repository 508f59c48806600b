/** Image formats ffmpeg's image decoders read that image models return. */
const SIGNATURES: { extension: string; matches: (bytes: Buffer) => boolean }[] = [
  {
    extension: "png",
    matches: (b) =>
      b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { extension: "jpg", matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    extension: "webp",
    matches: (b) => b.toString("ascii", 0, 4) === "RIFF" && b.toString("ascii", 8, 12) === "WEBP",
  },
];

/** The file extension for a still's bytes, or undefined when they are not a PNG, JPEG or WebP. */
export function stillImageExtension(bytes: Buffer): string | undefined {
  return SIGNATURES.find((signature) => bytes.length > 12 && signature.matches(bytes))?.extension;
}

type Size = { width: number; height: number };

/** JPEG start-of-frame markers (C4, C8 and CC are other segments). */
const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function jpegSize(bytes: Buffer): Size | undefined {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1] ?? 0;
    // Fill bytes, and markers that carry no length.
    if (marker === 0xff) offset += 1;
    else if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9)) offset += 2;
    else if (isStartOfFrame(marker))
      return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    else offset += 2 + bytes.readUInt16BE(offset + 2);
  }
  return undefined;
}

function webpSize(bytes: Buffer): Size | undefined {
  const chunk = bytes.toString("ascii", 12, 16);
  if (chunk === "VP8 " && bytes.length >= 30)
    return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
  if (chunk === "VP8L" && bytes.length >= 25) {
    const bits = bytes.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8X" && bytes.length >= 30)
    return { width: bytes.readUIntLE(24, 3) + 1, height: bytes.readUIntLE(27, 3) + 1 };
  return undefined;
}

/**
 * The stored size of a PNG, JPEG or WebP from its header, as ffprobe reports it, without
 * starting a process; undefined when the header is not one read here (then ask ffprobe).
 */
export function stillImageSize(bytes: Buffer): Size | undefined {
  const size = (() => {
    switch (stillImageExtension(bytes)) {
      case "png":
        return bytes.length >= 24
          ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
          : undefined;
      case "jpg":
        return jpegSize(bytes);
      case "webp":
        return webpSize(bytes);
      default:
        return undefined;
    }
  })();
  return size && size.width > 0 && size.height > 0 ? size : undefined;
}

/** Keeps the still's aspect, at most `maxSide` on the long side, even sides for yuv420p. */
export function clipSize(
  width: number,
  height: number,
  maxSide = 1280,
): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  const even = (value: number) => Math.max(2, Math.round((value * scale) / 2) * 2);
  return { width: even(width), height: even(height) };
}
