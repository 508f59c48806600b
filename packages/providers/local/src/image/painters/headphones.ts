import { type SKRSContext2D } from "@napi-rs/canvas";
import { css, mix, type Rgb, shade } from "../colour";
import { type Look } from "../look";
import { type Painter } from "../painter";
import { paintEarbuds } from "./earbuds";
import { hardware } from "../part-colours";
import { type Camera, project, type Vec3 } from "../prism";

const SPAN = 0.36;
const CUP_R = 0.17;
const CUP_Y = CUP_R + 0.01;

/** Over-ear headphones in 3D: a headband arc between two cups, each a short cylinder. */
export const paintHeadphones: Painter = (look, pose) => {
  if (look.variant === "earbuds") return paintEarbuds(look, pose);
  // Dead-on front and back views see both cups edge-on; turn a little, as a photographer would.
  const yaw =
    { front: 0.25, back: Math.PI - 0.35, side: Math.PI / 2 - 0.2 }[pose.view as string] ?? pose.yaw;
  const camera: Camera = { yaw, pitch: pose.pitch };
  const metal = hardware(look, "metal").colour;
  const cushion = shade(look.accent, 0.55);
  const cups = [-1, 1]
    .map((side) => ({ side, depth: project(camera, [side * SPAN, CUP_Y, 0])[2] }))
    .sort((a, b) => a.depth - b.depth);
  const xs = [-1, 1].map((side) => project(camera, [side * (SPAN + 0.06), CUP_Y, 0])[0]);
  const halfWidth = Math.max(...xs.map(Math.abs)) + CUP_R * 0.9;
  return {
    left: halfWidth,
    right: halfWidth,
    height: 1,
    focus: [xs[1]! * 0.9, -CUP_Y - 0.05],
    paint: (ctx) => {
      paintCup(ctx, camera, look, cups[0]!.side, metal, cushion);
      paintBand(ctx, camera, look.body, cushion, metal);
      paintCup(ctx, camera, look, cups[1]!.side, metal, cushion);
    },
  };
};

function bandPoint(t: number, inset: number): Vec3 {
  const x = Math.cos(t) * (SPAN - inset);
  const y = CUP_Y + 0.16 + Math.sin(t) * (0.58 - inset);
  return [x, y, 0];
}

function paintBand(
  ctx: SKRSContext2D,
  camera: Camera,
  colour: Rgb,
  cushion: Rgb,
  metal: Rgb,
): void {
  const stroke = (inset: number, width: number, style: string) => {
    ctx.beginPath();
    for (let i = 0; i <= 40; i += 1) {
      const [x, y] = project(camera, bandPoint((Math.PI * i) / 40, inset));
      ctx.lineTo(x, y);
    }
    ctx.lineWidth = width;
    ctx.strokeStyle = style;
    ctx.lineCap = "round";
    ctx.stroke();
  };
  stroke(0.01, 0.05, css(shade(metal, 0.9)));
  stroke(0, 0.07, css(shade(colour, 0.75)));
  stroke(0.004, 0.05, css(colour));
  stroke(0.012, 0.018, css(shade(colour, 1.25), 0.8));
  stroke(0.05, 0.04, css(cushion));
}

function paintCup(
  ctx: SKRSContext2D,
  camera: Camera,
  look: Look,
  side: number,
  metal: Rgb,
  cushion: Rgb,
): void {
  const disc = (x: number, r: number): [number, number][] =>
    Array.from({ length: 36 }, (_, i) => {
      const a = (i / 36) * Math.PI * 2;
      const [px, py] = project(camera, [x, CUP_Y + Math.sin(a) * r, Math.cos(a) * r * 0.82]);
      return [px, py];
    });
  const fillPolygon = (
    points: [number, number][],
    style: string | ReturnType<SKRSContext2D["createLinearGradient"]>,
  ) => {
    ctx.beginPath();
    for (const [x, y] of points) ctx.lineTo(x, y);
    ctx.closePath();
    ctx.fillStyle = style;
    ctx.fill();
  };
  // The yoke: a metal arm from the band down to the cup.
  const [yx, yy] = project(camera, [side * (SPAN + 0.005), CUP_Y + 0.2, 0]);
  const [cx, cy] = project(camera, [side * (SPAN + 0.005), CUP_Y + 0.08, 0]);
  ctx.strokeStyle = css(metal);
  ctx.lineWidth = 0.022;
  ctx.beginPath();
  ctx.moveTo(yx, yy);
  ctx.lineTo(cx, cy);
  ctx.stroke();
  // Stack discs from the cushion outwards: reads as a solid cup from any side.
  const inner = side * (SPAN - 0.05);
  const outer = side * (SPAN + 0.07);
  const facingOut = project(camera, [side, 0, 0])[2] - project(camera, [0, 0, 0])[2] > 0;
  const steps = 10;
  for (let i = 0; i <= steps; i += 1) {
    const t = facingOut ? i / steps : 1 - i / steps;
    const x = inner + (outer - inner) * t;
    const isCushion = t < 0.4;
    const base = isCushion ? cushion : look.body;
    fillPolygon(
      disc(x, CUP_R * (isCushion ? 0.97 : 1 - (t - 0.4) * 0.12)),
      css(shade(base, 0.55 + 0.5 * Math.abs(t - 0.5))),
    );
  }
  const face = disc(facingOut ? outer : inner, facingOut ? CUP_R * 0.93 : CUP_R * 0.97);
  const xs = face.map(([x]) => x);
  const gradient = ctx.createLinearGradient(Math.min(...xs), 0, Math.max(...xs), 0);
  const tone = facingOut ? look.body : cushion;
  gradient.addColorStop(0, css(shade(tone, 1.2)));
  gradient.addColorStop(0.6, css(tone));
  gradient.addColorStop(1, css(shade(tone, 0.7)));
  fillPolygon(face, gradient);
  if (facingOut) {
    ctx.strokeStyle = css(mix(metal, look.body, 0.2));
    ctx.lineWidth = 0.01;
    ctx.beginPath();
    for (const [x, y] of disc(outer, CUP_R * 0.62)) ctx.lineTo(x, y);
    ctx.closePath();
    ctx.stroke();
  } else {
    fillPolygon(disc(inner, CUP_R * 0.55), css(shade(cushion, 0.5)));
  }
}
