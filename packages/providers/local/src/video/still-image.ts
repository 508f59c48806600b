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
