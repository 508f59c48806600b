import { type SKRSContext2D } from "@napi-rs/canvas";
import { css, type Rgb, shade } from "../colour";
import { paintEmblem } from "../label";
import { type Painter } from "../painter";
import { contrasting } from "../part-colours";
import {
  applyPlane,
  type Camera,
  drawPrism,
  type Prism,
  type PrismFace,
  prismBounds,
  roundedRectOutline,
} from "../prism";

const RIBBON = 0.045;

/** A lidded box: a gift box with a ribbon and bow, or printed packaging. */
export const paintBox: Painter = (look, pose) => {
  const camera: Camera = { yaw: pose.yaw === 0 ? 0.001 : pose.yaw, pitch: pose.pitch };
  const gift = look.variant === "gift";
  const ink = contrasting(look.body, look.accent);
  const finish = look.bodyFinish === "glass" ? "gloss" : look.bodyFinish;
  const base: Prism = {
    outline: roundedRectOutline(0.8, 0.58, 0.008, 0, 1),
    depth: 0.62,
    colour: look.body,
    finish,
    decorate: (ctx, face) => (gift ? ribbon(ctx, face, ink) : print(ctx, face, ink, "base")),
  };
  const lid: Prism = {
    outline: roundedRectOutline(0.835, 0.17, 0.008, 0.46, 1),
    depth: 0.655,
    colour: shade(look.body, 1.04),
    finish,
    decorate: (ctx, face) => (gift ? ribbon(ctx, face, ink) : print(ctx, face, ink, "lid")),
  };
  const bounds = prismBounds(camera, [base, lid]);
  const bowHeight = gift ? 0.14 : 0;
  return {
    left: bounds.left,
    right: bounds.right,
    height: bounds.height + bowHeight,
    focus: [0, -0.62],
    paint: (ctx) => {
      drawPrism(ctx, camera, base);
      drawPrism(ctx, camera, lid);
      if (gift) paintBow(ctx, camera, ink);
    },
  };
};

function ribbon(ctx: SKRSContext2D, face: PrismFace, colour: Rgb): void {
  ctx.fillStyle = css(colour);
  if (face.kind !== "side") {
    ctx.fillRect(-RIBBON, -2, RIBBON * 2, 4);
    return;
  }
  // Side walls carry the band at their middle depth; the lid's top carries a cross.
  ctx.fillRect(-2, -RIBBON, 4, RIBBON * 2);
  if (face.normal[1] > 0.9) ctx.fillRect(-RIBBON, -2, RIBBON * 2, 4);
}

function print(ctx: SKRSContext2D, face: PrismFace, ink: Rgb, part: "base" | "lid"): void {
  ctx.fillStyle = css(ink);
  ctx.strokeStyle = css(ink);
  if (face.kind === "front" && part === "base") {
    ctx.translate(0, -0.26);
    paintEmblem(ctx, 0.16);
  } else if (face.kind === "front" || face.kind === "back") {
    ctx.fillRect(-2, part === "lid" ? -0.56 : -0.1, 4, 0.025);
  } else if (face.normal[1] > 0.9 && part === "lid") {
    ctx.lineWidth = 0.01;
    ctx.strokeRect(-0.3, -0.22, 0.6, 0.44);
  }
}

function paintBow(ctx: SKRSContext2D, camera: Camera, colour: Rgb): void {
  const top = 0.63;
  for (const side of [-1, 1]) {
    ctx.save();
    // Each loop stands up from the knot, leaning outwards along x.
    applyPlane(ctx, camera, [0, top, 0], [side, 0, 0], [0, -1, 0]);
    const loop = ctx.createLinearGradient(0, 0, 0.16, -0.1);
    loop.addColorStop(0, css(shade(colour, 0.7)));
    loop.addColorStop(0.5, css(shade(colour, 1.25)));
    loop.addColorStop(1, css(shade(colour, 0.8)));
    ctx.fillStyle = loop;
    ctx.beginPath();
    ctx.moveTo(0, 0);
    ctx.bezierCurveTo(0.05, -0.16, 0.2, -0.14, 0.17, -0.05);
    ctx.bezierCurveTo(0.15, 0, 0.06, 0.01, 0, 0);
    ctx.fill();
    ctx.restore();
  }
  ctx.save();
  applyPlane(ctx, camera, [0, top, 0], [1, 0, 0], [0, -1, 0]);
  ctx.fillStyle = css(shade(colour, 0.9));
  ctx.beginPath();
  ctx.ellipse(0, -0.02, 0.035, 0.03, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.restore();
}
