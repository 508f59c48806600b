/** Colour arithmetic for shading: channels 0–255, no clamping surprises. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

export function hexToRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.replace("#", ""), 16);
  return { r: (value >> 16) & 255, g: (value >> 8) & 255, b: value & 255 };
}

const clampChannel = (value: number) => Math.max(0, Math.min(255, Math.round(value)));

export function css(colour: Rgb, alpha = 1): string {
  const { r, g, b } = {
    r: clampChannel(colour.r),
    g: clampChannel(colour.g),
    b: clampChannel(colour.b),
  };
  return alpha >= 1
    ? `rgb(${r},${g},${b})`
    : `rgba(${r},${g},${b},${Math.max(0, alpha).toFixed(3)})`;
}

export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return { r: a.r + (b.r - a.r) * t, g: a.g + (b.g - a.g) * t, b: a.b + (b.b - a.b) * t };
}

export const WHITE: Rgb = { r: 255, g: 255, b: 255 };
export const BLACK: Rgb = { r: 0, g: 0, b: 0 };

/**
 * Light or shade a colour: factor 1 keeps it, below 1 darkens towards black, above 1
 * brightens towards white (so white things can still show a highlight).
 */
export function shade(colour: Rgb, factor: number): Rgb {
  if (factor <= 1) return mix(BLACK, colour, Math.max(0, factor));
  return mix(colour, WHITE, Math.min(1, factor - 1));
}

/** Relative luminance 0–1 (sRGB weights, no gamma: enough to tell light from dark). */
export function luminance(colour: Rgb): number {
  return (0.2126 * colour.r + 0.7152 * colour.g + 0.0722 * colour.b) / 255;
}

export interface Hsl {
  h: number;
  s: number;
  l: number;
}

export function rgbToHsl({ r, g, b }: Rgb): Hsl {
  const [rn, gn, bn] = [r / 255, g / 255, b / 255];
  const max = Math.max(rn, gn, bn);
  const min = Math.min(rn, gn, bn);
  const l = (max + min) / 2;
  if (max === min) return { h: 0, s: 0, l };
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h =
    max === rn
      ? (gn - bn) / d + (gn < bn ? 6 : 0)
      : max === gn
        ? (bn - rn) / d + 2
        : (rn - gn) / d + 4;
  return { h: h * 60, s, l };
}

export function hslToRgb({ h, s, l }: Hsl): Rgb {
  const hue = (((h % 360) + 360) % 360) / 360;
  if (s === 0) return { r: l * 255, g: l * 255, b: l * 255 };
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t: number) => {
    const tt = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (tt < 1 / 6) return p + (q - p) * 6 * tt;
    if (tt < 1 / 2) return q;
    if (tt < 2 / 3) return p + (q - p) * (2 / 3 - tt) * 6;
    return p;
  };
  return { r: channel(hue + 1 / 3) * 255, g: channel(hue) * 255, b: channel(hue - 1 / 3) * 255 };
}

/** The same hue at a chosen saturation and lightness (for backdrops tinted by the product). */
export function withHsl(colour: Rgb, change: Partial<Hsl>): Rgb {
  return hslToRgb({ ...rgbToHsl(colour), ...change });
}
