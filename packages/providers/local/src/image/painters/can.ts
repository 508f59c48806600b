import { type SKRSContext2D } from "@napi-rs/canvas";
import { css, mix, shade, WHITE } from "../colour";
import { paintLabel } from "../label";
import { latheBand, type LatheView, type Profile, ringPoint, smoothProfile } from "../lathe";
import { type Painter } from "../painter";
import { contrasting } from "../part-colours";
import { drawVessel, type VesselPart, vesselHeight, vesselWidth } from "../vessel";

const BODY: Profile = smoothProfile(
  [
    [0, 0.19],
    [0.025, 0.215],
    [0.06, 0.232],
    [0.88, 0.232],
    [0.93, 0.212],
    [0.955, 0.2],
  ],
  2,
);

/** A drinks can: printed aluminium wrap, necked rims and a ring pull on the lid. */
export const paintCan: Painter = (look, pose) => {
  const view: LatheView = { pitch: pose.pitch, yaw: pose.yaw };
  const print = contrasting(look.body, look.accent);
  const decorate = (ctx: SKRSContext2D) => {
    // A wave band that wraps the whole can and turns with it.
    const lift = (phi: number) => Math.sin(phi * 2 + 0.6) * 0.06;
    if (
      latheBand(ctx, view, BODY, { y0: 0.36, y1: 0.49, from: -Math.PI * 2, to: Math.PI * 2, lift })
    ) {
      ctx.fillStyle = css(print);
      ctx.fill();
    }
    paintLabel(ctx, view, BODY, {
      y0: 0.56,
      y1: 0.8,
      halfAngle: 0.6,
      colour: null,
      ink: print,
      mark: "emblem",
    });
    paintLabel(ctx, view, BODY, {
      y0: 0.12,
      y1: 0.3,
      halfAngle: 0.6,
      facing: Math.PI,
      colour: null,
      ink: print,
      mark: "text",
    });
    // Bare metal shows at the necks above and below the print.
    for (const [y0, y1] of [
      [0, 0.07],
      [0.875, 0.96],
    ] as const) {
      if (latheBand(ctx, view, BODY, { y0, y1, from: -Math.PI, to: Math.PI })) {
        ctx.fillStyle = css(mix(look.trim, WHITE, 0.1));
        ctx.fill();
      }
    }
  };
  const lid: VesselPart = {
    kind: "solid",
    profile: [
      [0.955, 0.2],
      [0.975, 0.202],
    ],
    colour: look.trim,
    finish: "metal",
    topColour: shade(look.trim, 0.9),
  };
  const parts: VesselPart[] = [
    { kind: "solid", profile: BODY, colour: look.body, finish: "gloss", decorate },
    lid,
  ];
  const width = vesselWidth(parts);
  const height = vesselHeight(parts, pose.pitch);
  return {
    left: width,
    right: width,
    height,
    focus: [0, -height * 0.86],
    paint: (ctx) => {
      drawVessel(ctx, view, parts);
      paintRingPull(ctx, view, look.trim);
    },
  };
};

function paintRingPull(
  ctx: SKRSContext2D,
  view: LatheView,
  metal: { r: number; g: number; b: number },
): void {
  if (view.pitch < 0.15) return;
  const squash = Math.sin(view.pitch);
  const [cx, cy] = ringPoint(view, 0.975, 0.08, 0);
  ctx.save();
  ctx.translate(cx, cy);
  ctx.scale(1, squash);
  ctx.strokeStyle = css(shade(metal, 0.7));
  ctx.lineWidth = 0.012;
  ctx.beginPath();
  ctx.ellipse(0, -0.02, 0.045, 0.03, 0, 0, Math.PI * 2);
  ctx.stroke();
  ctx.fillStyle = css(shade(metal, 0.55));
  ctx.beginPath();
  ctx.ellipse(0, -0.1, 0.04, 0.055, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.restore();
}
