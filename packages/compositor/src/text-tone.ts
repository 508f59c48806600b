/** Relative luminance (0–1) of a #RRGGBB colour, Rec. 709 weights as renderTextImage uses. */
export function luminance(hex: string): number {
  const value = Number.parseInt(hex.slice(1), 16);
  return (
    (0.2126 * ((value >> 16) & 255) + 0.7152 * ((value >> 8) & 255) + 0.0722 * (value & 255)) / 255
  );
}

/** Dark text needs a light backdrop and the other way round; same threshold as the text shadow. */
export function isDarkText(hex: string): boolean {
  return luminance(hex) < 0.35;
}
