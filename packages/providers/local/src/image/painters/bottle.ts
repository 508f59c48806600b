import { type SKRSContext2D } from "@napi-rs/canvas";
import { mix, shade, WHITE } from "../colour";
import { paintLabel } from "../label";
import { type LatheView, type Profile, smoothProfile } from "../lathe";
import { type Look } from "../look";
import { type Painter } from "../painter";
import { contrasting, hardware } from "../part-colours";
import { bodyPart, drawVessel, type VesselPart, vesselHeight, vesselWidth } from "../vessel";

interface BottleShape {
  body: Profile;
  label: { y0: number; y1: number };
  fill: number;
  parts: (look: Look) => VesselPart[];
}

const SHAPES: Record<string, BottleShape> = {
  standard: {
    body: [
      [0, 0.2],
      [0.012, 0.215],
      [0.6, 0.215],
      [0.68, 0.19],
      [0.75, 0.12],
      [0.8, 0.085],
      [0.84, 0.085],
    ],
    label: { y0: 0.16, y1: 0.52 },
    fill: 0.72,
    parts: (look) => [
      cap(look, [
        [0.83, 0.1],
        [0.99, 0.1],
        [1, 0.095],
      ]),
    ],
  },
  wine: {
    body: [
      [0, 0.165],
      [0.01, 0.175],
      [0.55, 0.175],
      [0.63, 0.14],
      [0.7, 0.075],
      [0.86, 0.058],
      [0.88, 0.062],
    ],
    label: { y0: 0.14, y1: 0.42 },
    fill: 0.62,
    parts: (look) => [
      cap(look, [
        [0.8, 0.066],
        [0.99, 0.066],
        [1, 0.06],
      ]),
    ],
  },
  perfume: {
    body: [
      [0, 0.28],
      [0.03, 0.305],
      [0.46, 0.305],
      [0.52, 0.27],
      [0.56, 0.1],
      [0.58, 0.08],
    ],
    label: { y0: 0.2, y1: 0.34 },
    fill: 0.5,
    parts: (look) => [
      {
        kind: "solid",
        profile: [
          [0.57, 0.085],
          [0.62, 0.085],
        ],
        colour: hardware(look, "metal").colour,
        finish: "metal",
      },
      cap(
        look,
        [
          [0.62, 0.17],
          [0.98, 0.17],
          [1, 0.16],
        ],
        "gloss",
      ),
    ],
  },
  dropper: {
    body: [
      [0, 0.2],
      [0.015, 0.21],
      [0.48, 0.21],
      [0.55, 0.17],
      [0.6, 0.085],
      [0.63, 0.08],
    ],
    label: { y0: 0.1, y1: 0.4 },
    fill: 0.55,
    parts: (look) => [
      cap(look, [
        [0.62, 0.1],
        [0.78, 0.1],
        [0.79, 0.09],
      ]),
      {
        kind: "solid",
        profile: [
          [0.78, 0.05],
          [0.84, 0.07],
          [0.93, 0.072],
          [0.98, 0.055],
          [1, 0.02],
        ],
        colour: shade(look.accent, 0.7),
        finish: "matte",
        topColour: shade(look.accent, 0.7),
      },
    ],
  },
  sport: {
    body: [
      [0, 0.17],
      [0.012, 0.18],
      [0.82, 0.18],
      [0.86, 0.16],
    ],
    label: { y0: 0.3, y1: 0.6 },
    fill: 0,
    parts: (look) => [
      cap(
        look,
        [
          [0.85, 0.17],
          [0.96, 0.17],
          [1, 0.13],
        ],
        "matte",
      ),
    ],
  },
};

function cap(
  look: Look,
  profile: Profile,
  fallback: "gloss" | "matte" | "metal" = "gloss",
): VesselPart {
  const part = hardware(look, fallback);
  return {
    kind: "solid",
    profile,
    colour: part.colour,
    finish: part.finish,
    topColour: part.colour,
  };
}

export const paintBottle: Painter = (look, pose) => {
  const base = SHAPES[look.variant] ?? SHAPES.standard!;
  const shape = { ...base, body: smoothProfile(base.body) };
  const view: LatheView = { pitch: pose.pitch, yaw: pose.yaw };
  const labelColour = contrasting(
    look.body,
    look.bodyFinish === "glass" ? mix(look.accent, WHITE, 0.1) : look.accent,
  );
  const decorate = (ctx: SKRSContext2D) => {
    const ink = contrasting(labelColour, look.body);
    paintLabel(ctx, view, shape.body, {
      ...shape.label,
      halfAngle: 1.05,
      colour: labelColour,
      ink,
      mark: "emblem",
    });
    paintLabel(ctx, view, shape.body, {
      ...shape.label,
      halfAngle: 0.55,
      facing: Math.PI,
      colour: labelColour,
      ink,
      mark: "text",
    });
  };
  const body = bodyPart({
    profile: shape.body,
    colour: look.body,
    finish: look.metallicBody ? "metal" : look.bodyFinish,
    contents:
      shape.fill > 0 ? { colour: mix(look.body, WHITE, 0.2), level: shape.fill } : undefined,
    decorate,
    topColour: look.body,
  });
  const parts = [body, ...shape.parts(look)];
  const width = vesselWidth(parts);
  const height = vesselHeight(parts, pose.pitch);
  return {
    left: width,
    right: width,
    height,
    focus: [0, -height * 0.72],
    paint: (ctx) => drawVessel(ctx, view, parts),
  };
};
