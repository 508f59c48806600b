import { type StyleMood } from "../parser/style-table";
import { hexToRgb, type Hsl, hslToRgb, luminance, type Rgb, rgbToHsl } from "./colour";
import { type Look } from "./look";

/** The set: backdrop colours, lights and floor, chosen by the style's mood. */
export interface StagePalette {
  wallTop: Rgb;
  wallBottom: Rgb;
  floorFar: Rgb;
  floorNear: Rgb;
  key: Rgb;
  keyStrength: number;
  rim: Rgb | null;
  glossyFloor: boolean;
  shadow: number;
  vignette: number;
  motif: "none" | "window" | "leaves" | "disc" | "spotlight";
  /** Tone for lifestyle props (pedestal, tabletop) that suits the set. */
  prop: Rgb;
}

const hsl = (h: number, s: number, l: number): Rgb => hslToRgb({ h, s, l });

/** A hue to tint the set with: the product's own, or its accent's when the product is grey. */
function productHue(look: Look): Hsl {
  // Chroma, not HSL saturation: near-white colours have a high saturation and no colour.
  const chroma = (c: Rgb) => (Math.max(c.r, c.g, c.b) - Math.min(c.r, c.g, c.b)) / 255;
  if (chroma(look.body) > 0.15) return rgbToHsl(look.body);
  if (chroma(look.accent) > 0.15) return rgbToHsl(look.accent);
  return { h: 35, s: 0.08, l: 0.5 };
}

const MOOD_STAGES: Record<StyleMood | "studio", (look: Look) => StagePalette> = {
  studio: (look) => {
    const { h } = productHue(look);
    // A light product needs a deeper set to stand out, a dark one a light set.
    const l = luminance(look.body) > 0.62 ? 0.6 : 0.86;
    return {
      wallTop: hsl(h, 0.16, l + 0.04),
      wallBottom: hsl(h, 0.14, l - 0.05),
      floorFar: hsl(h, 0.13, l - 0.03),
      floorNear: hsl(h, 0.12, l - 0.14),
      key: hexToRgb("#FFF6EA"),
      keyStrength: 0.35,
      rim: null,
      glossyFloor: false,
      shadow: 0.5,
      vignette: 0.32,
      motif: "none",
      prop: hsl(h, 0.1, l - 0.1),
    };
  },
  minimal: (look) => {
    const l = luminance(look.body) > 0.7 ? 0.8 : 0.93;
    return {
      wallTop: hsl(40, 0.1, l),
      wallBottom: hsl(40, 0.08, l - 0.05),
      floorFar: hsl(40, 0.08, l - 0.03),
      floorNear: hsl(38, 0.07, l - 0.11),
      key: hexToRgb("#FFFFFF"),
      keyStrength: 0.3,
      rim: null,
      glossyFloor: false,
      shadow: 0.35,
      vignette: 0.16,
      motif: "none",
      prop: hsl(40, 0.06, l - 0.07),
    };
  },
  luxury: () => ({
    wallTop: hexToRgb("#1B1916"),
    wallBottom: hexToRgb("#2B2621"),
    floorFar: hexToRgb("#1A1714"),
    floorNear: hexToRgb("#0B0A09"),
    key: hexToRgb("#FFD8A0"),
    keyStrength: 0.32,
    rim: hexToRgb("#FFE2B0"),
    glossyFloor: true,
    shadow: 0.7,
    vignette: 0.55,
    motif: "spotlight",
    prop: hexToRgb("#2A2522"),
  }),
  vibrant: (look) => {
    const body = rgbToHsl(look.body);
    const h =
      body.s > 0.25 ? body.h + 180 : rgbToHsl(look.accent).s > 0.25 ? rgbToHsl(look.accent).h : 48;
    return {
      wallTop: hsl(h, 0.72, 0.6),
      wallBottom: hsl(h, 0.68, 0.52),
      floorFar: hsl(h, 0.62, 0.5),
      floorNear: hsl(h, 0.6, 0.4),
      key: hexToRgb("#FFFFFF"),
      keyStrength: 0.3,
      rim: null,
      glossyFloor: false,
      shadow: 0.45,
      vignette: 0.25,
      motif: "disc",
      prop: hsl(h + 30, 0.6, 0.62),
    };
  },
  dark: () => ({
    wallTop: hexToRgb("#0D0E11"),
    wallBottom: hexToRgb("#181A1F"),
    floorFar: hexToRgb("#131519"),
    floorNear: hexToRgb("#07080A"),
    key: hexToRgb("#DCE6FF"),
    keyStrength: 0.22,
    rim: hexToRgb("#FFFFFF"),
    glossyFloor: true,
    shadow: 0.75,
    vignette: 0.6,
    motif: "spotlight",
    prop: hexToRgb("#1D2026"),
  }),
  warm: () => ({
    wallTop: hsl(30, 0.6, 0.74),
    wallBottom: hsl(20, 0.52, 0.62),
    floorFar: hsl(24, 0.45, 0.6),
    floorNear: hsl(18, 0.42, 0.46),
    key: hexToRgb("#FFB56B"),
    keyStrength: 0.5,
    rim: hexToRgb("#FFD29A"),
    glossyFloor: false,
    shadow: 0.55,
    vignette: 0.35,
    motif: "window",
    prop: hsl(25, 0.35, 0.7),
  }),
  cool: () => ({
    wallTop: hsl(212, 0.32, 0.3),
    wallBottom: hsl(216, 0.36, 0.19),
    floorFar: hsl(216, 0.32, 0.2),
    floorNear: hsl(220, 0.36, 0.11),
    key: hexToRgb("#A6DCFF"),
    keyStrength: 0.3,
    rim: hexToRgb("#7FD6FF"),
    glossyFloor: true,
    shadow: 0.6,
    vignette: 0.45,
    motif: "spotlight",
    prop: hsl(214, 0.25, 0.28),
  }),
  natural: () => ({
    wallTop: hsl(78, 0.16, 0.82),
    wallBottom: hsl(70, 0.15, 0.73),
    floorFar: hsl(40, 0.22, 0.72),
    floorNear: hsl(34, 0.22, 0.58),
    key: hexToRgb("#FFF3DC"),
    keyStrength: 0.4,
    rim: null,
    glossyFloor: false,
    shadow: 0.45,
    vignette: 0.28,
    motif: "leaves",
    prop: hsl(38, 0.2, 0.78),
  }),
  pastel: (look) => {
    const { h } = productHue(look);
    return {
      wallTop: hsl(h + 40, 0.55, 0.88),
      wallBottom: hsl(h + 20, 0.5, 0.82),
      floorFar: hsl(h + 20, 0.45, 0.82),
      floorNear: hsl(h, 0.42, 0.74),
      key: hexToRgb("#FFFFFF"),
      keyStrength: 0.3,
      rim: null,
      glossyFloor: false,
      shadow: 0.3,
      vignette: 0.15,
      motif: "disc",
      prop: hsl(h + 60, 0.45, 0.86),
    };
  },
  retro: () => ({
    wallTop: hsl(42, 0.62, 0.8),
    wallBottom: hsl(36, 0.55, 0.72),
    floorFar: hsl(24, 0.55, 0.6),
    floorNear: hsl(18, 0.5, 0.48),
    key: hexToRgb("#FFE2B0"),
    keyStrength: 0.35,
    rim: null,
    glossyFloor: false,
    shadow: 0.45,
    vignette: 0.4,
    motif: "disc",
    prop: hsl(175, 0.4, 0.45),
  }),
};

/** The first mood the prompt names picks the set; no mood gets a soft studio set tinted by the product. */
export function stagePalette(moods: readonly StyleMood[], look: Look): StagePalette {
  return MOOD_STAGES[moods[0] ?? "studio"](look);
}
