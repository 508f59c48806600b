import { type SKRSContext2D } from "@napi-rs/canvas";
import { css, mix, type Rgb, shade, WHITE } from "../colour";
import { paintEmblem } from "../label";
import { type Look } from "../look";
import { type Painter } from "../painter";
import { contrasting, hardware } from "../part-colours";
import {
  type Camera,
  drawPrism,
  type Point,
  type Prism,
  type PrismFace,
  prismBounds,
  project,
  roundedRectOutline,
} from "../prism";

interface BagShape {
  outline: Point[];
  depth: number;
  top: number;
  handle: { width: number; rise: number };
}

const SHAPES: Record<string, BagShape> = {
  handbag: {
    outline: [
      [-0.46, 0],
      [0.46, 0],
      [0.37, 0.6],
      [-0.37, 0.6],
    ],
    depth: 0.24,
    top: 0.6,
    handle: { width: 0.2, rise: 0.3 },
  },
  tote: {
    outline: [
      [-0.4, 0],
      [0.4, 0],
      [0.44, 0.66],
      [-0.44, 0.66],
    ],
    depth: 0.2,
    top: 0.66,
    handle: { width: 0.15, rise: 0.34 },
  },
  backpack: {
    outline: roundedRectOutline(0.62, 0.86, 0.2, 0, 8),
    depth: 0.3,
    top: 0.86,
    handle: { width: 0.07, rise: 0.09 },
  },
};

/** A bag: handbag with flap and clasp, canvas tote, or backpack with a front pocket. */
export const paintBag: Painter = (look, pose) => {
  const shape = SHAPES[look.variant] ?? SHAPES.handbag!;
  const camera: Camera = { yaw: pose.yaw || 0.001, pitch: pose.pitch };
  const clasp = hardware(look, "metal");
  const finish =
    look.bodyFinish === "glass" || look.bodyFinish === "metal" ? "leather" : look.bodyFinish;
  const body: Prism = {
    outline: shape.outline,
    depth: shape.depth,
    colour: look.body,
    finish,
    decorate: (ctx, face) => decorate(ctx, face, look, clasp.colour, shape),
  };
  const bounds = prismBounds(camera, [body]);
  return {
    left: bounds.left,
    right: bounds.right,
    height: bounds.height + shape.handle.rise,
    focus: [0, -shape.top * 0.75],
    paint: (ctx) => {
      paintHandle(ctx, camera, look.body, shape, -1);
      drawPrism(ctx, camera, body);
      paintHandle(ctx, camera, look.body, shape, 1);
    },
  };
};

function decorate(
  ctx: SKRSContext2D,
  face: PrismFace,
  look: Look,
  metal: Rgb,
  shape: BagShape,
): void {
  if (face.kind !== "front") return;
  const stitch = mix(look.body, WHITE, 0.45);
  if (look.variant === "backpack") {
    ctx.fillStyle = css(shade(look.body, 0.85));
    ctx.beginPath();
    ctx.roundRect(-0.22, -0.42, 0.44, 0.34, 0.08);
    ctx.fill();
    ctx.strokeStyle = css(metal);
    ctx.lineWidth = 0.01;
    ctx.beginPath();
    ctx.moveTo(-0.18, -0.38);
    ctx.lineTo(0.18, -0.38);
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(0, -0.5, 0.27, Math.PI * 1.1, Math.PI * 1.9);
    ctx.stroke();
    return;
  }
  if (look.variant === "tote") {
    ctx.fillStyle = css(contrasting(look.body, look.accent));
    ctx.strokeStyle = ctx.fillStyle;
    ctx.translate(0, -0.32);
    paintEmblem(ctx, 0.18);
    return;
  }
  // A flap that folds over the front, stitched along its edge, with a metal clasp.
  const flap = () => {
    ctx.beginPath();
    ctx.moveTo(-0.39, -shape.top);
    ctx.lineTo(-0.41, -0.32);
    ctx.quadraticCurveTo(0, -0.2, 0.41, -0.32);
    ctx.lineTo(0.39, -shape.top);
    ctx.closePath();
  };
  flap();
  ctx.fillStyle = css(shade(look.body, 1.06));
  ctx.fill();
  ctx.strokeStyle = css(stitch, 0.8);
  ctx.setLineDash([0.012, 0.008]);
  ctx.lineWidth = 0.004;
  ctx.beginPath();
  ctx.moveTo(-0.385, -0.34);
  ctx.quadraticCurveTo(0, -0.225, 0.385, -0.34);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = "rgba(0,0,0,0.25)";
  ctx.fillRect(-0.5, -0.26, 1, 0.012);
  const plate = ctx.createLinearGradient(-0.05, 0, 0.05, 0);
  plate.addColorStop(0, css(shade(metal, 0.7)));
  plate.addColorStop(0.4, css(shade(metal, 1.4)));
  plate.addColorStop(1, css(shade(metal, 0.6)));
  ctx.fillStyle = plate;
  ctx.beginPath();
  ctx.roundRect(-0.05, -0.28, 0.1, 0.07, 0.015);
  ctx.fill();
}

function paintHandle(
  ctx: SKRSContext2D,
  camera: Camera,
  colour: Rgb,
  shape: BagShape,
  side: number,
): void {
  const z = side * shape.depth * 0.22;
  const points = Array.from({ length: 31 }, (_, i) => {
    const t = (Math.PI * i) / 30;
    return project(camera, [
      Math.cos(t) * shape.handle.width,
      shape.top - 0.01 + Math.sin(t) * shape.handle.rise,
      z,
    ]);
  });
  const line = (width: number, style: string) => {
    ctx.beginPath();
    for (const [x, y] of points) ctx.lineTo(x, y);
    ctx.lineWidth = width;
    ctx.strokeStyle = style;
    ctx.lineCap = "round";
    ctx.stroke();
  };
  line(0.034, css(shade(colour, side < 0 ? 0.5 : 0.7)));
  line(0.014, css(shade(colour, side < 0 ? 0.7 : 1.15)));
}
