import { type SKRSContext2D } from "@napi-rs/canvas";
import { css, mix, type Rgb, shade, WHITE } from "../colour";
import { type Painter } from "../painter";
import {
  type Camera,
  drawPrism,
  type Prism,
  prismBounds,
  project,
  roundedRectOutline,
} from "../prism";

/** True wireless earbuds: a pebble-shaped charging case with a bud standing either side. */
export const paintEarbuds: Painter = (look, pose) => {
  const camera: Camera = { yaw: pose.yaw || 0.001, pitch: pose.pitch };
  const finish =
    look.bodyFinish === "glass" || look.bodyFinish === "fabric" ? "gloss" : look.bodyFinish;
  const body: Prism = {
    outline: roundedRectOutline(0.6, 0.46, 0.2, 0, 8),
    depth: 0.24,
    colour: look.body,
    finish,
    decorate: (ctx, face) => {
      if (face.kind !== "front") return;
      // The lid's seam and a status light.
      ctx.strokeStyle = css(shade(look.body, 0.6));
      ctx.lineWidth = 0.006;
      ctx.beginPath();
      ctx.moveTo(-0.4, -0.33);
      ctx.lineTo(0.4, -0.33);
      ctx.stroke();
      ctx.fillStyle = "#7CF2A2";
      ctx.beginPath();
      ctx.arc(0, -0.2, 0.012, 0, Math.PI * 2);
      ctx.fill();
    },
  };
  const bounds = prismBounds(camera, [body]);
  const half = Math.max(bounds.left, bounds.right) + 0.16;
  return {
    left: half,
    right: half,
    height: Math.max(bounds.height, 0.5),
    focus: [half - 0.12, -0.2],
    paint: (ctx) => {
      drawPrism(ctx, camera, body);
      for (const side of [-1, 1]) {
        const [x] = project(camera, [side * 0.42, 0, 0.16]);
        paintBud(ctx, x, side, look.body, look.accent);
      }
    },
  };
};

function paintBud(ctx: SKRSContext2D, x: number, side: number, colour: Rgb, tip: Rgb): void {
  const stem = ctx.createLinearGradient(x - 0.03, 0, x + 0.03, 0);
  stem.addColorStop(0, css(shade(colour, 0.7)));
  stem.addColorStop(0.4, css(mix(colour, WHITE, 0.4)));
  stem.addColorStop(1, css(shade(colour, 0.65)));
  ctx.fillStyle = stem;
  ctx.beginPath();
  ctx.roundRect(x - 0.028, -0.3, 0.056, 0.3, 0.028);
  ctx.fill();
  const head = ctx.createRadialGradient(x - 0.03, -0.36, 0.005, x, -0.33, 0.09);
  head.addColorStop(0, css(mix(colour, WHITE, 0.6)));
  head.addColorStop(1, css(shade(colour, 0.7)));
  ctx.fillStyle = head;
  ctx.beginPath();
  ctx.ellipse(x + side * 0.02, -0.33, 0.08, 0.075, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = css(shade(tip, 0.8));
  ctx.beginPath();
  ctx.ellipse(x + side * 0.075, -0.34, 0.03, 0.04, 0, 0, Math.PI * 2);
  ctx.fill();
}
