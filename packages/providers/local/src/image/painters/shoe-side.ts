import { type SKRSContext2D } from "@napi-rs/canvas";
import { css, mix, type Rgb, shade, WHITE } from "../colour";
import { type Look } from "../look";
import { roundShade, shininess, stripHighlight } from "../shading";

/**
 * A shoe in side profile, toe to the left, in units (length 1, base at y 0, y down on
 * screen). The sneaker's parts are separate paths so each can take its colour and finish.
 */
export interface ShoeColours {
  upper: Rgb;
  sole: Rgb;
  trim: Rgb;
}

export function shoeColours(look: Look): ShoeColours {
  const sole = look.accent;
  const trim =
    Math.abs(sole.r - look.body.r) +
      Math.abs(sole.g - look.body.g) +
      Math.abs(sole.b - look.body.b) >
    120
      ? sole
      : shade(look.body, 0.55);
  return { upper: look.body, sole, trim };
}

function solePath(ctx: SKRSContext2D): void {
  ctx.beginPath();
  ctx.moveTo(0.46, 0);
  ctx.lineTo(-0.36, 0);
  ctx.bezierCurveTo(-0.45, 0, -0.5, 0.02, -0.505, 0.055);
  ctx.bezierCurveTo(-0.5, 0.075, -0.47, 0.085, -0.44, 0.085);
  ctx.lineTo(0.46, 0.098);
  ctx.bezierCurveTo(0.5, 0.095, 0.51, 0.05, 0.5, 0.03);
  ctx.bezierCurveTo(0.495, 0.01, 0.48, 0, 0.46, 0);
  ctx.closePath();
}

function upperPath(ctx: SKRSContext2D, boot: boolean): void {
  ctx.beginPath();
  ctx.moveTo(-0.45, 0.08);
  ctx.bezierCurveTo(-0.5, 0.1, -0.48, 0.17, -0.36, 0.19);
  ctx.bezierCurveTo(-0.26, 0.21, -0.16, 0.24, -0.1, 0.28);
  if (boot) {
    ctx.bezierCurveTo(-0.02, 0.34, 0.04, 0.5, 0.06, 0.62);
    ctx.lineTo(0.36, 0.62);
    ctx.bezierCurveTo(0.36, 0.45, 0.44, 0.3, 0.49, 0.12);
  } else {
    ctx.bezierCurveTo(-0.04, 0.32, 0.0, 0.38, 0.03, 0.41);
    ctx.bezierCurveTo(0.06, 0.43, 0.09, 0.41, 0.1, 0.36);
    ctx.bezierCurveTo(0.18, 0.33, 0.28, 0.33, 0.36, 0.37);
    ctx.bezierCurveTo(0.4, 0.39, 0.44, 0.4, 0.46, 0.38);
    ctx.bezierCurveTo(0.5, 0.3, 0.52, 0.18, 0.49, 0.1);
  }
  ctx.lineTo(0.46, 0.095);
  ctx.closePath();
}

/** Draws the side profile. `flip` mirrors the shape in y so the paths can use y up. */
export function paintShoeSide(ctx: SKRSContext2D, look: Look, colours: ShoeColours): void {
  const boot = look.variant === "boot";
  ctx.save();
  ctx.scale(1, -1);
  const finish =
    look.bodyFinish === "glass" || look.bodyFinish === "metal" ? "gloss" : look.bodyFinish;

  upperPath(ctx, boot);
  ctx.save();
  ctx.clip();
  ctx.fillStyle = css(colours.upper);
  ctx.fillRect(-0.6, -0.1, 1.2, 0.9);
  // Toe cap and heel counter: overlays in a darker tone of the upper.
  ctx.fillStyle = css(shade(colours.upper, 0.86));
  ctx.beginPath();
  ctx.ellipse(-0.44, 0.1, 0.15, 0.12, 0.2, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = css(colours.trim);
  ctx.beginPath();
  ctx.moveTo(0.5, 0.09);
  ctx.bezierCurveTo(0.38, 0.09, 0.3, 0.16, 0.32, 0.3);
  ctx.lineTo(0.6, 0.4);
  ctx.lineTo(0.6, 0.09);
  ctx.fill();
  if (!boot) paintStripe(ctx, colours.trim);
  paintTexture(ctx, finish, colours.upper);
  // Light: brighter along the top, falling off to the sole.
  const vertical = ctx.createLinearGradient(0, 0.42, 0, 0.08);
  vertical.addColorStop(0, "rgba(255,255,255,0.18)");
  vertical.addColorStop(0.6, "rgba(0,0,0,0)");
  vertical.addColorStop(1, "rgba(0,0,0,0.28)");
  ctx.fillStyle = vertical;
  ctx.fillRect(-0.6, -0.1, 1.2, 0.9);
  ctx.fillStyle = roundShade(ctx, -0.55, 0.55, finish, 0.45);
  ctx.fillRect(-0.6, -0.1, 1.2, 0.9);
  if (shininess(finish) > 0.3) {
    ctx.fillStyle = stripHighlight(ctx, -0.3, 0.1, 0.35);
    ctx.fillRect(-0.6, -0.1, 1.2, 0.9);
  }
  ctx.restore();

  paintCollar(ctx, boot, colours);
  if (!boot) paintLaces(ctx, colours);
  paintSole(ctx, colours.sole);
  ctx.restore();
}

function paintStripe(ctx: SKRSContext2D, colour: Rgb): void {
  ctx.fillStyle = css(colour);
  ctx.beginPath();
  ctx.moveTo(-0.26, 0.12);
  ctx.bezierCurveTo(-0.05, 0.14, 0.18, 0.2, 0.36, 0.3);
  ctx.bezierCurveTo(0.2, 0.24, 0.0, 0.19, -0.22, 0.16);
  ctx.closePath();
  ctx.fill();
}

function paintTexture(ctx: SKRSContext2D, finish: string, base: Rgb): void {
  if (finish === "fabric") {
    // Knit: fine diagonal rows.
    ctx.strokeStyle = css(shade(base, 0.82), 0.35);
    ctx.lineWidth = 0.003;
    for (let x = -0.7; x < 0.7; x += 0.012) {
      ctx.beginPath();
      ctx.moveTo(x, 0);
      ctx.lineTo(x + 0.3, 0.7);
      ctx.stroke();
    }
  } else if (finish === "leather") {
    ctx.strokeStyle = css(mix(base, WHITE, 0.4), 0.35);
    ctx.setLineDash([0.008, 0.006]);
    ctx.lineWidth = 0.003;
    ctx.beginPath();
    ctx.moveTo(-0.44, 0.115);
    ctx.lineTo(0.46, 0.125);
    ctx.stroke();
    ctx.setLineDash([]);
  }
}

function paintCollar(ctx: SKRSContext2D, boot: boolean, colours: ShoeColours): void {
  ctx.strokeStyle = css(shade(colours.upper, 0.45));
  ctx.lineWidth = 0.012;
  ctx.beginPath();
  if (boot) {
    ctx.moveTo(0.06, 0.615);
    ctx.lineTo(0.36, 0.615);
  } else {
    ctx.moveTo(0.1, 0.355);
    ctx.bezierCurveTo(0.18, 0.325, 0.28, 0.325, 0.36, 0.365);
    ctx.bezierCurveTo(0.4, 0.385, 0.43, 0.39, 0.455, 0.375);
  }
  ctx.stroke();
  // A pull tab at the heel.
  ctx.fillStyle = css(colours.trim);
  ctx.beginPath();
  const top = boot ? 0.62 : 0.385;
  ctx.roundRect(boot ? 0.33 : 0.43, top - 0.02, 0.045, 0.08, 0.015);
  ctx.fill();
}

function paintLaces(ctx: SKRSContext2D, colours: ShoeColours): void {
  const lace = mix(colours.sole, WHITE, 0.3);
  for (let i = 0; i < 5; i += 1) {
    const t = i / 4;
    const x = -0.12 + t * 0.15;
    const y = 0.27 + t * 0.105;
    ctx.fillStyle = css(shade(colours.upper, 0.4));
    ctx.beginPath();
    ctx.arc(x + 0.03, y - 0.012, 0.008, 0, Math.PI * 2);
    ctx.fill();
    ctx.strokeStyle = css(lace);
    ctx.lineWidth = 0.014;
    ctx.lineCap = "round";
    ctx.beginPath();
    ctx.moveTo(x - 0.02, y + 0.018);
    ctx.lineTo(x + 0.035, y - 0.01);
    ctx.stroke();
  }
}

function paintSole(ctx: SKRSContext2D, sole: Rgb): void {
  solePath(ctx);
  ctx.save();
  ctx.clip();
  const body = ctx.createLinearGradient(0, 0.1, 0, 0);
  body.addColorStop(0, css(shade(sole, 1.08)));
  body.addColorStop(0.7, css(sole));
  body.addColorStop(1, css(shade(sole, 0.75)));
  ctx.fillStyle = body;
  ctx.fillRect(-0.6, -0.05, 1.2, 0.2);
  ctx.fillStyle = css(shade(sole, 0.35));
  ctx.fillRect(-0.6, -0.05, 1.2, 0.067);
  ctx.strokeStyle = css(shade(sole, 0.82));
  ctx.lineWidth = 0.004;
  ctx.beginPath();
  ctx.moveTo(-0.42, 0.05);
  ctx.bezierCurveTo(-0.1, 0.045, 0.2, 0.065, 0.47, 0.06);
  ctx.stroke();
  ctx.restore();
}
