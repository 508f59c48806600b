import { type SKRSContext2D } from "@napi-rs/canvas";
import { type Finish } from "../parser/material-table";
import { type Rgb } from "./colour";
import { drawGlassSection, type GlassSection } from "./glass";
import { drawSolidSection, type LatheView, type Profile, type SolidSection } from "./lathe";

/** One stacked part of a round product, bottom to top: a glass body, a cap, a collar… */
export type VesselPart = ({ kind: "glass" } & GlassSection) | ({ kind: "solid" } & SolidSection);

export function drawVessel(
  ctx: SKRSContext2D,
  view: LatheView,
  parts: readonly VesselPart[],
): void {
  for (const part of parts) {
    if (part.kind === "glass") drawGlassSection(ctx, view, part);
    else drawSolidSection(ctx, view, part);
  }
}

export function vesselWidth(parts: readonly VesselPart[]): number {
  return Math.max(...parts.flatMap((part) => part.profile.map(([, r]) => r)));
}

export function vesselHeight(parts: readonly VesselPart[], pitch: number): number {
  const top = Math.max(...parts.flatMap((part) => part.profile.map(([y]) => y)));
  return top * Math.cos(pitch) + vesselWidth(parts) * Math.sin(pitch);
}

/** A body that is glass when the prompt says glass, otherwise a solid in the named finish. */
export function bodyPart(input: {
  profile: Profile;
  colour: Rgb;
  finish: Finish;
  contents?: GlassSection["contents"];
  decorate?: (ctx: SKRSContext2D) => void;
  topColour?: Rgb;
}): VesselPart {
  if (input.finish === "glass") {
    return {
      kind: "glass",
      profile: input.profile,
      tint: input.colour,
      contents: input.contents,
      decorate: input.decorate,
    };
  }
  return {
    kind: "solid",
    profile: input.profile,
    colour: input.colour,
    finish: input.finish,
    decorate: input.decorate,
    topColour: input.topColour,
  };
}
