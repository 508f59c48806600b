import { type SKRSContext2D } from "@napi-rs/canvas";
import { css, hslToRgb, mix, type Rgb, rgbToHsl, shade, WHITE } from "../colour";
import { type Look } from "../look";
import { type Painter } from "../painter";
import { metalGradient } from "../shading";

interface WatchParts {
  case: Rgb;
  strap: Rgb;
  dial: Rgb;
  hands: Rgb;
}

function watchParts(look: Look): WatchParts {
  if (look.metallicBody) {
    const dial = mix(look.accent, { r: 20, g: 20, b: 24 }, 0.2);
    return { case: look.body, strap: look.accent, dial, hands: mix(look.body, WHITE, 0.3) };
  }
  return {
    case: look.trim,
    strap: look.body,
    dial: shade(look.body, 0.75),
    hands: mix(look.trim, WHITE, 0.4),
  };
}

/** A wristwatch standing upright, strap above and below; it turns by narrowing, as a disc does. */
export const paintWatch: Painter = (look, pose) => {
  const parts = watchParts(look);
  const turn = Math.cos(pose.yaw);
  const squash = Math.max(0.3, Math.abs(turn));
  const back = turn < 0;
  const smart = look.variant === "smart";
  return {
    left: 0.27 * squash + 0.04,
    right: 0.27 * squash + 0.08,
    height: 1,
    focus: [0, -0.52],
    paint: (ctx) => {
      paintStrap(ctx, parts.strap, squash, -1, -0.66);
      paintStrap(ctx, parts.strap, squash, -0.34, 0);
      ctx.save();
      ctx.translate(0, -0.5);
      // Thickness of the case shows on the far side as the watch turns.
      const edge = (1 - squash) * 0.07;
      ctx.fillStyle = css(shade(parts.case, 0.55));
      caseShape(ctx, smart, squash, edge);
      ctx.fill();
      ctx.fillStyle = metalGradient(ctx, -0.24 * squash, 0.24 * squash, parts.case);
      caseShape(ctx, smart, squash, 0);
      ctx.fill();
      ctx.fillStyle = metalGradient(ctx, 0.2 * squash, 0.28 * squash + edge, parts.case);
      ctx.fillRect(0.215 * squash + edge, -0.03, 0.045, 0.06);
      ctx.scale(squash, 1);
      if (back) paintCaseback(ctx, parts.case);
      else if (smart) paintSmartFace(ctx, look);
      else paintDial(ctx, parts);
      const glare = ctx.createLinearGradient(-0.18, -0.18, 0.18, 0.18);
      glare.addColorStop(0, "rgba(255,255,255,0.28)");
      glare.addColorStop(0.45, "rgba(255,255,255,0.05)");
      glare.addColorStop(0.5, "rgba(255,255,255,0)");
      ctx.fillStyle = glare;
      ctx.beginPath();
      if (smart) ctx.roundRect(-0.17, -0.2, 0.34, 0.4, 0.07);
      else ctx.arc(0, 0, 0.18, 0, Math.PI * 2);
      ctx.fill();
      ctx.restore();
    },
  };
};

function caseShape(ctx: SKRSContext2D, smart: boolean, squash: number, shift: number): void {
  ctx.beginPath();
  if (smart) ctx.roundRect(-0.21 * squash + shift, -0.25, 0.42 * squash, 0.5, 0.09 * squash);
  else ctx.ellipse(shift, 0, 0.23 * squash, 0.23, 0, 0, Math.PI * 2);
}

function paintStrap(
  ctx: SKRSContext2D,
  colour: Rgb,
  squash: number,
  top: number,
  bottom: number,
): void {
  const half = 0.15 * squash;
  const gradient = ctx.createLinearGradient(-half, 0, half, 0);
  gradient.addColorStop(0, css(shade(colour, 0.55)));
  gradient.addColorStop(0.3, css(shade(colour, 1.08)));
  gradient.addColorStop(1, css(shade(colour, 0.6)));
  ctx.fillStyle = gradient;
  ctx.beginPath();
  // Straps taper as they curve away from the case.
  const far = top < -0.7 ? top : bottom;
  const near = top < -0.7 ? bottom : top;
  ctx.moveTo(-half, near);
  ctx.lineTo(-half * 0.84, far);
  ctx.lineTo(half * 0.84, far);
  ctx.lineTo(half, near);
  ctx.closePath();
  ctx.fill();
  const fade = ctx.createLinearGradient(0, near, 0, far);
  fade.addColorStop(0, "rgba(0,0,0,0)");
  fade.addColorStop(1, "rgba(0,0,0,0.35)");
  ctx.fillStyle = fade;
  ctx.fill();
  ctx.strokeStyle = css(mix(colour, WHITE, 0.35), 0.5);
  ctx.lineWidth = 0.004;
  ctx.setLineDash([0.012, 0.008]);
  for (const x of [-half * 0.78, half * 0.78]) {
    ctx.beginPath();
    ctx.moveTo(x, near);
    ctx.lineTo(x * 0.86, far);
    ctx.stroke();
  }
  ctx.setLineDash([]);
}

function paintDial(ctx: SKRSContext2D, parts: WatchParts): void {
  const dial = ctx.createRadialGradient(-0.05, -0.06, 0.01, 0, 0, 0.2);
  dial.addColorStop(0, css(shade(parts.dial, 1.25)));
  dial.addColorStop(1, css(shade(parts.dial, 0.7)));
  ctx.fillStyle = dial;
  ctx.beginPath();
  ctx.arc(0, 0, 0.185, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = css(parts.hands);
  for (let hour = 0; hour < 12; hour += 1) {
    ctx.save();
    ctx.rotate((hour * Math.PI) / 6);
    ctx.fillRect(-0.006, -0.17, 0.012, hour % 3 === 0 ? 0.04 : 0.025);
    ctx.restore();
  }
  // 10:10, as every watch advertisement shows it.
  hand(ctx, parts.hands, (-60 * Math.PI) / 180, 0.1, 0.014);
  hand(ctx, parts.hands, (60 * Math.PI) / 180, 0.145, 0.01);
  hand(ctx, { r: 210, g: 60, b: 50 }, (200 * Math.PI) / 180, 0.15, 0.004);
  ctx.beginPath();
  ctx.arc(0, 0, 0.012, 0, Math.PI * 2);
  ctx.fill();
}

function hand(ctx: SKRSContext2D, colour: Rgb, angle: number, length: number, width: number): void {
  ctx.save();
  ctx.rotate(angle);
  ctx.fillStyle = css(colour);
  ctx.beginPath();
  ctx.roundRect(-width / 2, -length, width, length + 0.02, width / 2);
  ctx.fill();
  ctx.restore();
}

function paintSmartFace(ctx: SKRSContext2D, look: Look): void {
  ctx.fillStyle = "#060607";
  ctx.beginPath();
  ctx.roundRect(-0.185, -0.22, 0.37, 0.44, 0.075);
  ctx.fill();
  const hue = rgbToHsl(look.body).h;
  ctx.lineCap = "round";
  ctx.lineWidth = 0.022;
  [0.11, 0.08, 0.05].forEach((radius, i) => {
    ctx.strokeStyle = css(hslToRgb({ h: hue + i * 110, s: 0.85, l: 0.55 }));
    ctx.beginPath();
    ctx.arc(0, -0.02, radius, -Math.PI / 2, -Math.PI / 2 + Math.PI * (1.2 + i * 0.25));
    ctx.stroke();
  });
  ctx.fillStyle = "rgba(255,255,255,0.8)";
  ctx.fillRect(-0.06, 0.13, 0.12, 0.014);
}

function paintCaseback(ctx: SKRSContext2D, metal: Rgb): void {
  ctx.strokeStyle = css(shade(metal, 0.7));
  ctx.lineWidth = 0.006;
  for (const radius of [0.17, 0.12, 0.06]) {
    ctx.beginPath();
    ctx.arc(0, 0, radius, 0, Math.PI * 2);
    ctx.stroke();
  }
  ctx.fillStyle = css(shade(metal, 0.7));
  for (let i = 0; i < 8; i += 1) {
    ctx.save();
    ctx.rotate((i * Math.PI) / 4);
    ctx.fillRect(-0.008, -0.165, 0.016, 0.03);
    ctx.restore();
  }
}
