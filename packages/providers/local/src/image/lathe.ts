import { type SKRSContext2D } from "@napi-rs/canvas";
import { type Finish } from "../parser/material-table";
import { css, mix, type Rgb, shade, WHITE } from "./colour";
import { roundShade, shininess, stripHighlight } from "./shading";

/**
 * Round things (bottles, jars, cans, caps) as surfaces of revolution seen by an
 * orthographic camera tilted down by `pitch`: a ring at height y and radius r projects to
 * an ellipse whose vertical radius is r·sin(pitch). Units: y up from the base, 1 ≈ the
 * product's height; the painter's transform maps units to pixels.
 */
export type Profile = readonly (readonly [y: number, r: number])[];

export interface LatheView {
  pitch: number;
  /** Turn about the vertical axis; moves labels round the body. */
  yaw: number;
}

/** Where a point on the surface lands: `phi` 0 faces the camera. */
export function ringPoint(view: LatheView, y: number, r: number, phi: number): [number, number] {
  return [r * Math.sin(phi), -y * Math.cos(view.pitch) + r * Math.sin(view.pitch) * Math.cos(phi)];
}

/**
 * Rounds a profile's corners (Chaikin's corner cutting, ends kept), so shoulders and
 * rims curve as moulded glass and metal do instead of kinking.
 */
export function smoothProfile(profile: Profile, passes = 2): Profile {
  let points = profile.map(([y, r]) => [y, r] as const);
  for (let pass = 0; pass < passes; pass += 1) {
    const next: (readonly [number, number])[] = [points[0]!];
    for (let i = 0; i < points.length - 1; i += 1) {
      const [y0, r0] = points[i]!;
      const [y1, r1] = points[i + 1]!;
      next.push(
        [y0 + (y1 - y0) * 0.25, r0 + (r1 - r0) * 0.25],
        [y0 + (y1 - y0) * 0.75, r0 + (r1 - r0) * 0.75],
      );
    }
    next.push(points.at(-1)!);
    points = next;
  }
  return points;
}

export function radiusAt(profile: Profile, y: number): number {
  for (let i = 1; i < profile.length; i += 1) {
    const [y0, r0] = profile[i - 1]!;
    const [y1, r1] = profile[i]!;
    if (y >= Math.min(y0, y1) && y <= Math.max(y0, y1))
      return y1 === y0 ? Math.max(r0, r1) : r0 + ((y - y0) / (y1 - y0)) * (r1 - r0);
  }
  return profile.at(-1)?.[1] ?? 0;
}

/** The outline of a section: up the left edge, over the back of the top rim, down, round the front of the base. */
export function latheOutline(ctx: SKRSContext2D, view: LatheView, profile: Profile): void {
  const steps = 28;
  const [bottomY, bottomR] = profile[0]!;
  const [topY, topR] = profile.at(-1)!;
  ctx.beginPath();
  ctx.moveTo(...ringPoint(view, bottomY, bottomR, -Math.PI / 2));
  for (const [y, r] of profile) ctx.lineTo(...ringPoint(view, y, r, -Math.PI / 2));
  for (let i = 0; i <= steps; i += 1)
    ctx.lineTo(...ringPoint(view, topY, topR, -Math.PI / 2 - (Math.PI * i) / steps));
  for (const [y, r] of [...profile].reverse()) ctx.lineTo(...ringPoint(view, y, r, Math.PI / 2));
  for (let i = 0; i <= steps; i += 1)
    ctx.lineTo(...ringPoint(view, bottomY, bottomR, Math.PI / 2 - (Math.PI * i) / steps));
  ctx.closePath();
}

/** A band wrapped round the surface between two heights and two angles (a label, a stripe). */
export function latheBand(
  ctx: SKRSContext2D,
  view: LatheView,
  profile: Profile,
  band: { y0: number; y1: number; from: number; to: number; lift?: (phi: number) => number },
): boolean {
  const from = Math.max(band.from + view.yaw, -Math.PI / 2);
  const to = Math.min(band.to + view.yaw, Math.PI / 2);
  if (to <= from) return false;
  const steps = 24;
  // `lift` raises the band by the surface angle (phi − yaw), so a wave turns with the product.
  const edge = (y: number, i: number) => {
    const phi = from + ((to - from) * i) / steps;
    const at = y + (band.lift?.(phi - view.yaw) ?? 0);
    return ringPoint(view, at, radiusAt(profile, at), phi);
  };
  ctx.beginPath();
  for (let i = 0; i <= steps; i += 1) ctx.lineTo(...edge(band.y1, i));
  for (let i = steps; i >= 0; i -= 1) ctx.lineTo(...edge(band.y0, i));
  ctx.closePath();
  return true;
}

/**
 * Maps flat artwork onto the surface around angle `phi`, so a logo can be drawn in
 * ordinary coordinates (u right, v down, units). Returns false when that side faces away.
 */
export function withSurfaceFrame(
  ctx: SKRSContext2D,
  view: LatheView,
  at: { y: number; r: number; phi: number },
  draw: () => void,
): boolean {
  const phi = at.phi + view.yaw;
  if (Math.cos(phi) < 0.15) return false;
  const [x, y] = ringPoint(view, at.y, at.r, phi);
  ctx.save();
  ctx.transform(
    Math.cos(phi),
    -Math.sin(view.pitch) * Math.sin(phi),
    0,
    Math.cos(view.pitch),
    x,
    y,
  );
  draw();
  ctx.restore();
  return true;
}

export interface SolidSection {
  profile: Profile;
  colour: Rgb;
  finish: Finish;
  /** Paints artwork on the section before the light goes on (clipped to its outline). */
  decorate?: (ctx: SKRSContext2D) => void;
  /** Colour of the flat top, when the camera looks down on it; omit for open/hidden tops. */
  topColour?: Rgb;
}

/** An opaque section: base colour, artwork, then one light-and-shade pass over both. */
export function drawSolidSection(ctx: SKRSContext2D, view: LatheView, section: SolidSection): void {
  const width = Math.max(...section.profile.map(([, r]) => r));
  ctx.save();
  latheOutline(ctx, view, section.profile);
  ctx.clip();
  ctx.fillStyle = css(section.colour);
  ctx.fill();
  section.decorate?.(ctx);
  ctx.fillStyle = roundShade(ctx, -width, width, section.finish);
  ctx.fillRect(-width, -10, width * 2, 20);
  const shine = shininess(section.finish);
  if (shine > 0.2) {
    ctx.fillStyle = stripHighlight(ctx, -width * 0.52, width * 0.16, 0.55 * shine);
    ctx.fillRect(-width, -10, width * 2, 20);
    ctx.fillStyle = stripHighlight(ctx, width * 0.72, width * 0.1, 0.25 * shine);
    ctx.fillRect(-width, -10, width * 2, 20);
  }
  ctx.restore();
  drawTop(ctx, view, section);
}

function drawTop(ctx: SKRSContext2D, view: LatheView, section: SolidSection): void {
  if (!section.topColour || view.pitch <= 0.02) return;
  const [topY, topR] = section.profile.at(-1)!;
  const [cx, cy] = ringPoint(view, topY, 0, 0);
  const ry = topR * Math.sin(view.pitch);
  const gradient = ctx.createLinearGradient(-topR, cy - ry, topR, cy + ry);
  const top = section.topColour;
  const metal = section.finish === "metal";
  gradient.addColorStop(0, css(shade(top, metal ? 1.45 : 1.12)));
  gradient.addColorStop(0.5, css(shade(top, metal ? 0.8 : 1)));
  gradient.addColorStop(1, css(shade(top, metal ? 1.2 : 0.82)));
  ctx.beginPath();
  ctx.ellipse(cx, cy, topR, ry, 0, 0, Math.PI * 2);
  ctx.fillStyle = gradient;
  ctx.fill();
  ctx.strokeStyle = css(mix(top, WHITE, 0.5), 0.5);
  ctx.lineWidth = 0.004;
  ctx.stroke();
}
