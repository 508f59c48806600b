import { type Finish } from "../parser/material-table";
import { luminance, mix, type Rgb, shade, WHITE } from "./colour";
import { type Look } from "./look";

/** A label or print colour that stands out on `base`: the accent if it does, else light or dark. */
export function contrasting(base: Rgb, preferred: Rgb): Rgb {
  if (Math.abs(luminance(base) - luminance(preferred)) > 0.25) return preferred;
  return luminance(base) > 0.55 ? shade(base, 0.25) : mix(base, WHITE, 0.88);
}

/** Caps, lids, clasps and rims: metal in the named metallic colour, else the accent in a solid finish. */
export function hardware(
  look: Look,
  fallbackFinish: Finish = "gloss",
): { colour: Rgb; finish: Finish } {
  if (look.metalHardware) return { colour: look.trim, finish: "metal" };
  return { colour: look.accent, finish: fallbackFinish };
}
