import { type SKRSContext2D } from "@napi-rs/canvas";
import { css, hexToRgb, mix, WHITE } from "../colour";
import { paintLabel } from "../label";
import { type LatheView, ringPoint, smoothProfile } from "../lathe";
import { type Painter } from "../painter";
import { contrasting, hardware } from "../part-colours";
import { bodyPart, drawVessel, type VesselPart, vesselHeight, vesselWidth } from "../vessel";

const BODY = smoothProfile(
  [
    [0, 0.36],
    [0.015, 0.385],
    [0.48, 0.385],
    [0.52, 0.37],
    [0.545, 0.35],
  ],
  2,
);
const LID = smoothProfile(
  [
    [0.54, 0.392],
    [0.56, 0.4],
    [0.7, 0.4],
    [0.72, 0.39],
  ],
  1,
);

/** A jar: a wide body (glass shows the cream or wax inside) under a lid, label on the front. */
export const paintJar: Painter = (look, pose) => {
  const view: LatheView = { pitch: pose.pitch, yaw: pose.yaw };
  const candle = look.variant === "candle";
  const glass = look.bodyFinish === "glass";
  const labelColour = contrasting(look.body, glass ? hexToRgb("#F4F1EA") : look.accent);
  const decorate = (ctx: SKRSContext2D) => {
    const ink = contrasting(labelColour, look.body);
    paintLabel(ctx, view, BODY, {
      y0: 0.14,
      y1: 0.36,
      halfAngle: 0.8,
      colour: labelColour,
      ink,
      mark: "emblem",
    });
    paintLabel(ctx, view, BODY, {
      y0: 0.14,
      y1: 0.36,
      halfAngle: 0.5,
      facing: Math.PI,
      colour: labelColour,
      ink,
      mark: "text",
    });
  };
  const fill = candle ? mix(look.body, WHITE, 0.55) : mix(look.body, WHITE, 0.7);
  const lid = hardware(look, "gloss");
  const parts: VesselPart[] = [
    bodyPart({
      profile: BODY,
      colour: look.body,
      finish: look.bodyFinish,
      contents: { colour: fill, level: 0.44 },
      decorate,
      topColour: look.body,
    }),
  ];
  // A candle is shown lit, lid off; a cosmetic jar keeps its lid on.
  if (!candle)
    parts.push({
      kind: "solid",
      profile: LID,
      colour: lid.colour,
      finish: lid.finish,
      topColour: lid.colour,
    });
  const width = vesselWidth(parts);
  const height = vesselHeight(parts, pose.pitch) + (candle ? 0.2 : 0);
  return {
    left: width,
    right: width,
    height,
    focus: [0, -height * 0.7],
    paint: (ctx) => {
      drawVessel(ctx, view, parts);
      if (candle) paintFlame(ctx, view);
    },
  };
};

function paintFlame(ctx: SKRSContext2D, view: LatheView): void {
  const [x, y] = ringPoint(view, 0.44, 0, 0);
  ctx.save();
  ctx.fillStyle = css({ r: 40, g: 30, b: 25 });
  ctx.fillRect(x - 0.004, y - 0.04, 0.008, 0.04);
  const glow = ctx.createRadialGradient(x, y - 0.09, 0, x, y - 0.09, 0.16);
  glow.addColorStop(0, "rgba(255,200,120,0.55)");
  glow.addColorStop(1, "rgba(255,170,80,0)");
  ctx.fillStyle = glow;
  ctx.fillRect(x - 0.2, y - 0.3, 0.4, 0.4);
  const flame = ctx.createLinearGradient(x, y - 0.16, x, y - 0.03);
  flame.addColorStop(0, "rgba(255,240,200,0.95)");
  flame.addColorStop(0.6, "rgba(255,180,60,0.95)");
  flame.addColorStop(1, "rgba(90,120,255,0.8)");
  ctx.fillStyle = flame;
  ctx.beginPath();
  ctx.moveTo(x, y - 0.17);
  ctx.bezierCurveTo(x + 0.03, y - 0.1, x + 0.026, y - 0.04, x, y - 0.035);
  ctx.bezierCurveTo(x - 0.026, y - 0.04, x - 0.03, y - 0.1, x, y - 0.17);
  ctx.fill();
  ctx.restore();
}
