import { type SKRSContext2D } from "@napi-rs/canvas";
import { type Finish } from "../parser/material-table";
import { css, mix, type Rgb, shade, WHITE } from "./colour";

type Stop = readonly [position: number, tone: number];

/**
 * Light across a rounded surface lit from the upper left, as tone stops: negative darkens
 * (alpha of black), positive brightens (alpha of white). Metal swings hard between dark
 * and bright bands (it mirrors the studio); fabric barely shines.
 */
const ROUND_TONES: Record<Finish, readonly Stop[]> = {
  matte: [
    [0, -0.5],
    [0.16, 0.08],
    [0.34, 0.04],
    [0.62, -0.12],
    [0.88, -0.38],
    [1, -0.55],
  ],
  plastic: [
    [0, -0.5],
    [0.14, 0.1],
    [0.22, 0.3],
    [0.3, 0.05],
    [0.62, -0.15],
    [0.9, -0.4],
    [0.96, -0.2],
    [1, -0.5],
  ],
  gloss: [
    [0, -0.55],
    [0.12, 0.05],
    [0.2, 0.55],
    [0.27, 0.05],
    [0.6, -0.18],
    [0.86, -0.45],
    [0.94, -0.1],
    [1, -0.55],
  ],
  ceramic: [
    [0, -0.45],
    [0.15, 0.1],
    [0.22, 0.4],
    [0.3, 0.1],
    [0.62, -0.12],
    [0.9, -0.35],
    [1, -0.5],
  ],
  metal: [
    [0, -0.65],
    [0.08, 0.6],
    [0.16, 0.05],
    [0.3, 0.3],
    [0.45, -0.2],
    [0.66, -0.55],
    [0.8, -0.1],
    [0.88, 0.45],
    [1, -0.6],
  ],
  leather: [
    [0, -0.55],
    [0.15, 0.05],
    [0.26, 0.2],
    [0.36, 0.04],
    [0.65, -0.15],
    [0.9, -0.42],
    [1, -0.58],
  ],
  fabric: [
    [0, -0.42],
    [0.2, 0.06],
    [0.45, 0],
    [0.75, -0.16],
    [1, -0.45],
  ],
  wood: [
    [0, -0.45],
    [0.2, 0.1],
    [0.35, 0.12],
    [0.7, -0.12],
    [1, -0.45],
  ],
  paper: [
    [0, -0.35],
    [0.2, 0.06],
    [0.5, 0],
    [0.8, -0.12],
    [1, -0.35],
  ],
  glass: [
    [0, -0.55],
    [0.1, 0.1],
    [0.18, 0.6],
    [0.24, 0.1],
    [0.5, 0],
    [0.8, -0.1],
    [0.9, 0.35],
    [1, -0.55],
  ],
};

function addToneStops(gradient: CanvasGradient, stops: readonly Stop[], strength: number): void {
  for (const [position, tone] of stops) {
    const alpha = Math.min(1, Math.abs(tone) * strength);
    gradient.addColorStop(
      position,
      tone >= 0 ? `rgba(255,255,255,${alpha})` : `rgba(0,0,0,${alpha})`,
    );
  }
}

export type CanvasGradient = ReturnType<SKRSContext2D["createLinearGradient"]>;

/** A horizontal light-and-shade overlay for a round surface spanning x0…x1. */
export function roundShade(
  ctx: SKRSContext2D,
  x0: number,
  x1: number,
  finish: Finish,
  strength = 1,
): CanvasGradient {
  const gradient = ctx.createLinearGradient(x0, 0, x1, 0);
  addToneStops(gradient, ROUND_TONES[finish], strength);
  return gradient;
}

/** A flat face's colour under the key light: `facing` is 0 (turned away) … 1 (facing the light). */
export function faceColour(base: Rgb, finish: Finish, facing: number): Rgb {
  const contrast =
    finish === "metal" ? 0.75 : finish === "fabric" || finish === "paper" ? 0.45 : 0.55;
  return shade(base, 1 - contrast + contrast * 1.25 * facing);
}

/** A soft gradient across a flat face (lighter towards the light) with a sheen for shiny finishes. */
export function faceSheen(
  ctx: SKRSContext2D,
  from: readonly [number, number],
  to: readonly [number, number],
  finish: Finish,
): CanvasGradient {
  const gradient = ctx.createLinearGradient(from[0], from[1], to[0], to[1]);
  if (finish === "metal")
    addToneStops(
      gradient,
      [
        [0, 0.35],
        [0.3, -0.1],
        [0.55, 0.25],
        [0.8, -0.2],
        [1, 0.1],
      ],
      1,
    );
  else if (finish === "gloss" || finish === "glass" || finish === "ceramic" || finish === "plastic")
    addToneStops(
      gradient,
      [
        [0, 0.12],
        [0.35, 0.3],
        [0.42, 0.02],
        [1, -0.12],
      ],
      1,
    );
  else
    addToneStops(
      gradient,
      [
        [0, 0.08],
        [1, -0.14],
      ],
      1,
    );
  return gradient;
}

/** A vertical soft highlight, as studio strip lights leave on glossy and metal things. */
export function stripHighlight(
  ctx: SKRSContext2D,
  x: number,
  width: number,
  alpha: number,
): CanvasGradient {
  const gradient = ctx.createLinearGradient(x - width / 2, 0, x + width / 2, 0);
  gradient.addColorStop(0, "rgba(255,255,255,0)");
  gradient.addColorStop(0.5, `rgba(255,255,255,${alpha})`);
  gradient.addColorStop(1, "rgba(255,255,255,0)");
  return gradient;
}

/** How strongly highlights show for a finish (0 none … 1 mirror-like). */
export function shininess(finish: Finish): number {
  const table: Record<Finish, number> = {
    metal: 0.9,
    glass: 1,
    gloss: 0.85,
    ceramic: 0.6,
    plastic: 0.5,
    leather: 0.35,
    matte: 0.12,
    fabric: 0.05,
    wood: 0.15,
    paper: 0.05,
  };
  return table[finish];
}

/** A metal part's colour ramp (for rings, caps, clasps): bright-dark-bright bands. */
export function metalGradient(
  ctx: SKRSContext2D,
  x0: number,
  x1: number,
  base: Rgb,
): CanvasGradient {
  const gradient = ctx.createLinearGradient(x0, 0, x1, 0);
  const stops: Stop[] = [
    [0, 0.45],
    [0.12, 1.45],
    [0.3, 0.7],
    [0.5, 1.1],
    [0.7, 0.5],
    [0.86, 1.35],
    [1, 0.55],
  ];
  for (const [position, factor] of stops) gradient.addColorStop(position, css(shade(base, factor)));
  return gradient;
}

export function tint(base: Rgb, amount: number): string {
  return css(mix(base, WHITE, amount));
}
