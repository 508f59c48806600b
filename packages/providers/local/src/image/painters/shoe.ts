import { type SKRSContext2D } from "@napi-rs/canvas";
import { css, mix, shade, WHITE } from "../colour";
import { type Painter, type ProductDrawing } from "../painter";
import { paintShoeSide, type ShoeColours, shoeColours } from "./shoe-side";

/** A shoe: its side profile for most views, and head-on toe, heel and top-down shapes. */
export const paintShoe: Painter = (look, pose) => {
  const colours = shoeColours(look);
  const tall = look.variant === "boot" ? 0.63 : 0.42;
  // Turned towards the camera, the toe comes nearer, so it sits lower and the shoe shortens.
  const side = (squash: number, toeDrop: number): ProductDrawing => ({
    left: 0.51 * squash,
    right: 0.51 * squash,
    height: tall + toeDrop * 0.5,
    focus: [-0.02 * squash, -0.3],
    paint: (ctx) => {
      ctx.transform(squash, -toeDrop, 0, 1, 0, 0);
      paintShoeSide(ctx, look, colours);
    },
  });
  switch (pose.view) {
    case "front":
      return headOn(colours, tall, "toe");
    case "back":
      return headOn(colours, tall, "heel");
    case "top":
      return {
        left: 0.42,
        right: 0.42,
        height: 1.0,
        focus: [0, -0.5],
        paint: (ctx) => paintTop(ctx, colours),
      };
    case "three_quarter":
    case "lifestyle":
      return side(0.84, 0.12);
    default:
      return side(1, 0);
  }
};

function headOn(colours: ShoeColours, tall: number, end: "toe" | "heel"): ProductDrawing {
  return {
    left: 0.2,
    right: 0.2,
    height: tall,
    focus: [0, -tall * 0.6],
    paint: (ctx) => {
      // The far end of the shoe rises behind, narrowing to the collar.
      const back = ctx.createLinearGradient(-0.17, 0, 0.17, 0);
      back.addColorStop(0, css(shade(colours.upper, 0.6)));
      back.addColorStop(0.35, css(shade(colours.upper, 1.05)));
      back.addColorStop(1, css(shade(colours.upper, 0.55)));
      ctx.fillStyle = back;
      ctx.beginPath();
      ctx.moveTo(-0.175, -0.07);
      ctx.bezierCurveTo(-0.17, -tall * 0.6, -0.14, -tall + 0.01, -0.08, -tall + 0.005);
      ctx.lineTo(0.08, -tall + 0.005);
      ctx.bezierCurveTo(0.14, -tall + 0.01, 0.17, -tall * 0.6, 0.175, -0.07);
      ctx.closePath();
      ctx.fill();
      ctx.fillStyle = css(shade(colours.upper, 0.25));
      ctx.beginPath();
      ctx.ellipse(0, -tall + 0.02, 0.085, 0.02, 0, 0, Math.PI * 2);
      ctx.fill();
      if (end === "toe") paintToeEnd(ctx, colours, tall);
      else paintHeelEnd(ctx, colours, tall);
      // Midsole seen end-on.
      const sole = ctx.createLinearGradient(0, -0.1, 0, 0);
      sole.addColorStop(0, css(shade(colours.sole, 1.05)));
      sole.addColorStop(1, css(shade(colours.sole, 0.7)));
      ctx.fillStyle = sole;
      ctx.beginPath();
      ctx.roundRect(-0.185, -0.095, 0.37, 0.095, 0.04);
      ctx.fill();
      ctx.fillStyle = css(shade(colours.sole, 0.35));
      ctx.fillRect(-0.17, -0.018, 0.34, 0.018);
    },
  };
}

function paintToeEnd(ctx: SKRSContext2D, colours: ShoeColours, tall: number): void {
  // Tongue and laces climb the middle; the toe box is a low dome in front.
  ctx.fillStyle = css(shade(colours.upper, 0.92));
  ctx.beginPath();
  ctx.roundRect(-0.065, -Math.min(tall, 0.44), 0.13, Math.min(tall, 0.44) - 0.1, 0.05);
  ctx.fill();
  const lace = mix(colours.sole, WHITE, 0.3);
  ctx.strokeStyle = css(lace);
  ctx.lineWidth = 0.014;
  ctx.lineCap = "round";
  for (let i = 0; i < 5; i += 1) {
    const y = -0.2 - i * 0.035;
    ctx.beginPath();
    ctx.moveTo(-0.07, y);
    ctx.lineTo(0.07, y - 0.012);
    ctx.stroke();
  }
  const dome = ctx.createRadialGradient(-0.05, -0.16, 0.01, 0, -0.1, 0.22);
  dome.addColorStop(0, css(shade(colours.upper, 1.12)));
  dome.addColorStop(1, css(shade(colours.upper, 0.6)));
  ctx.fillStyle = dome;
  ctx.beginPath();
  ctx.moveTo(-0.18, -0.08);
  ctx.bezierCurveTo(-0.18, -0.2, -0.09, -0.22, 0, -0.22);
  ctx.bezierCurveTo(0.09, -0.22, 0.18, -0.2, 0.18, -0.08);
  ctx.closePath();
  ctx.fill();
}

function paintHeelEnd(ctx: SKRSContext2D, colours: ShoeColours, tall: number): void {
  const counter = ctx.createLinearGradient(-0.17, 0, 0.17, 0);
  counter.addColorStop(0, css(shade(colours.trim, 0.6)));
  counter.addColorStop(0.4, css(shade(colours.trim, 1.1)));
  counter.addColorStop(1, css(shade(colours.trim, 0.55)));
  ctx.fillStyle = counter;
  ctx.beginPath();
  ctx.moveTo(-0.17, -0.08);
  ctx.bezierCurveTo(-0.17, -0.25, -0.12, -tall * 0.75, 0, -tall * 0.78);
  ctx.bezierCurveTo(0.12, -tall * 0.75, 0.17, -0.25, 0.17, -0.08);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = css(colours.trim);
  ctx.beginPath();
  ctx.roundRect(-0.025, -tall - 0.015, 0.05, 0.1, 0.015);
  ctx.fill();
}

function paintTop(ctx: SKRSContext2D, colours: ShoeColours): void {
  ctx.translate(0, -0.5);
  ctx.rotate(-0.45);
  const outline = (grow: number) => {
    ctx.beginPath();
    ctx.moveTo(0, -0.5 - grow);
    ctx.bezierCurveTo(0.2 + grow, -0.48, 0.2 + grow, -0.1, 0.13 + grow, 0.05);
    ctx.bezierCurveTo(0.1 + grow, 0.2, 0.18 + grow, 0.42, 0, 0.5 + grow);
    ctx.bezierCurveTo(-0.17 - grow, 0.42, -0.14 - grow, 0.2, -0.15 - grow, 0.05);
    ctx.bezierCurveTo(-0.2 - grow, -0.1, -0.2 - grow, -0.48, 0, -0.5 - grow);
    ctx.closePath();
  };
  outline(0.025);
  ctx.fillStyle = css(colours.sole);
  ctx.fill();
  outline(0);
  const upper = ctx.createRadialGradient(-0.05, -0.15, 0.02, 0, 0, 0.55);
  upper.addColorStop(0, css(shade(colours.upper, 1.1)));
  upper.addColorStop(1, css(shade(colours.upper, 0.7)));
  ctx.fillStyle = upper;
  ctx.fill();
  // Collar opening at the heel, tongue and laces running towards the toe.
  ctx.fillStyle = css(shade(colours.upper, 0.2));
  ctx.beginPath();
  ctx.ellipse(0, 0.28, 0.1, 0.16, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = css(shade(colours.upper, 0.92));
  ctx.beginPath();
  ctx.roundRect(-0.06, -0.18, 0.12, 0.32, 0.05);
  ctx.fill();
  ctx.strokeStyle = css(mix(colours.sole, WHITE, 0.3));
  ctx.lineWidth = 0.016;
  ctx.lineCap = "round";
  for (let i = 0; i < 5; i += 1) {
    ctx.beginPath();
    ctx.moveTo(-0.075, -0.15 + i * 0.055);
    ctx.lineTo(0.075, -0.15 + i * 0.055);
    ctx.stroke();
  }
}
