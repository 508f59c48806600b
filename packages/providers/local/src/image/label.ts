import { type SKRSContext2D } from "@napi-rs/canvas";
import { css, type Rgb } from "./colour";
import { latheBand, type LatheView, type Profile, radiusAt, withSurfaceFrame } from "./lathe";

export interface LabelSpec {
  y0: number;
  y1: number;
  /** Half the angle the label wraps, in radians (π = all the way round). */
  halfAngle: number;
  /** Where the label's centre faces: 0 front, π back. */
  facing?: number;
  colour: Rgb | null;
  ink: Rgb;
  /** Mark style: a brand emblem on the front, fine print on the back. */
  mark: "emblem" | "text" | "none";
}

/** A wrapped label with abstract artwork: an emblem and lines that read as type, never real text. */
export function paintLabel(
  ctx: SKRSContext2D,
  view: LatheView,
  profile: Profile,
  label: LabelSpec,
): void {
  const facing = label.facing ?? 0;
  if (label.colour) {
    if (
      latheBand(ctx, view, profile, {
        y0: label.y0,
        y1: label.y1,
        from: facing - label.halfAngle,
        to: facing + label.halfAngle,
      })
    ) {
      ctx.fillStyle = css(label.colour);
      ctx.fill();
    }
  }
  const height = label.y1 - label.y0;
  const middle = (label.y0 + label.y1) / 2;
  const r = radiusAt(profile, middle);
  withSurfaceFrame(ctx, view, { y: middle, r, phi: facing }, () => {
    ctx.fillStyle = css(label.ink);
    ctx.strokeStyle = css(label.ink);
    if (label.mark === "emblem") paintEmblem(ctx, Math.min(height * 0.5, r * 0.9));
    else if (label.mark === "text") paintFinePrint(ctx, Math.min(height * 0.7, r * 0.9));
  });
}

/** A monogram-like mark: a ring, a diamond and two rules under it. */
export function paintEmblem(ctx: SKRSContext2D, size: number): void {
  ctx.lineWidth = size * 0.06;
  ctx.beginPath();
  ctx.arc(0, -size * 0.25, size * 0.38, 0, Math.PI * 2);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(0, -size * 0.5);
  ctx.lineTo(size * 0.18, -size * 0.25);
  ctx.lineTo(0, 0);
  ctx.lineTo(-size * 0.18, -size * 0.25);
  ctx.closePath();
  ctx.fill();
  ctx.fillRect(-size * 0.55, size * 0.32, size * 1.1, size * 0.09);
  ctx.globalAlpha *= 0.7;
  ctx.fillRect(-size * 0.38, size * 0.5, size * 0.76, size * 0.05);
}

function paintFinePrint(ctx: SKRSContext2D, size: number): void {
  ctx.globalAlpha *= 0.6;
  for (let i = 0; i < 6; i += 1) {
    const width = size * (i % 3 === 2 ? 0.6 : 0.9);
    ctx.fillRect(-size * 0.45, -size * 0.4 + i * size * 0.14, width, size * 0.045);
  }
  ctx.strokeRect(size * 0.15, size * 0.45, size * 0.3, size * 0.12);
}
