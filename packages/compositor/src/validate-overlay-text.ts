import { checkTextSupport, MediaError, normalizeOverlayText } from "@adgen/media";
import type { OverlayFont } from "@adgen/schemas";

export type OverlayTextCheck =
  { ok: true } | { ok: false; field: "productName" | "cta"; message: string };

const LABELS = { productName: "The product name", cta: "The call to action" } as const;

/**
 * Checks, before any work, that every character of the overlay text can be drawn by the chosen
 * font or a bundled fallback, so a user learns which character to change instead of getting
 * boxes (tofu) in the finished ad.
 */
export function validateOverlayText(input: {
  productName: string;
  cta: string;
  font: OverlayFont;
}): OverlayTextCheck {
  for (const field of ["productName", "cta"] as const) {
    const text = input[field];
    if (!normalizeOverlayText(text, input.font)) {
      return { ok: false, field, message: `${LABELS[field]} is empty` };
    }
    const support = checkTextSupport(text, input.font);
    if (!support.renderable) {
      const plural = support.missing.length > 1;
      return {
        ok: false,
        field,
        message: `${LABELS[field]} contains ${plural ? "characters" : "a character"} no available font can draw: ${support.missing.join(" ")}`,
      };
    }
  }
  return { ok: true };
}

/** Overlay text the fonts cannot draw: the user's to fix, and it names the field. */
export class OverlayTextError extends MediaError {
  constructor(
    readonly field: "productName" | "cta",
    message: string,
  ) {
    super("UNRENDERABLE_TEXT", message);
    this.name = "OverlayTextError";
  }
}
