import { type SKRSContext2D } from "@napi-rs/canvas";
import { type Finish } from "../parser/material-table";
import { css, type Rgb } from "./colour";
import { faceColour, faceSheen } from "./shading";

/**
 * Flat-sided products (boxes, phones, bags, devices) as a 2D outline extruded in depth,
 * seen by an orthographic camera turned by `yaw` and looking down by `pitch`. Units: x
 * right, y up from the base, z towards the camera before turning.
 */
export interface Camera {
  yaw: number;
  pitch: number;
}
export type Vec3 = readonly [number, number, number];
export type Point = readonly [number, number];

/** Screen position (x right, y down) and depth (towards the camera) of a point. */
export function project(camera: Camera, [x, y, z]: Vec3): [number, number, number] {
  const xr = x * Math.cos(camera.yaw) + z * Math.sin(camera.yaw);
  const zr = z * Math.cos(camera.yaw) - x * Math.sin(camera.yaw);
  return [
    xr,
    -y * Math.cos(camera.pitch) + zr * Math.sin(camera.pitch),
    zr * Math.cos(camera.pitch) + y * Math.sin(camera.pitch),
  ];
}

/** A direction in view space: right, up, towards the camera. */
export function viewNormal(camera: Camera, [x, y, z]: Vec3): Vec3 {
  const xr = x * Math.cos(camera.yaw) + z * Math.sin(camera.yaw);
  const zr = z * Math.cos(camera.yaw) - x * Math.sin(camera.yaw);
  return [
    xr,
    y * Math.cos(camera.pitch) - zr * Math.sin(camera.pitch),
    zr * Math.cos(camera.pitch) + y * Math.sin(camera.pitch),
  ];
}

const LIGHT: Vec3 = (() => {
  const [x, y, z] = [-0.32, 0.55, 0.8];
  const length = Math.hypot(x, y, z);
  return [x / length, y / length, z / length];
})();

/** How squarely a face turns to the key light: 0 away … 1 full on. */
export function lightFacing(camera: Camera, normal: Vec3): number {
  const [x, y, z] = viewNormal(camera, normal);
  return Math.max(0, x * LIGHT[0] + y * LIGHT[1] + z * LIGHT[2]);
}

/** Sets the transform so that drawing in (u, v) units lands on the plane origin + u·U + v·V. */
export function applyPlane(
  ctx: SKRSContext2D,
  camera: Camera,
  origin: Vec3,
  u: Vec3,
  v: Vec3,
): void {
  const [ox, oy] = project(camera, origin);
  const [ux, uy] = project(camera, [origin[0] + u[0], origin[1] + u[1], origin[2] + u[2]]);
  const [vx, vy] = project(camera, [origin[0] + v[0], origin[1] + v[1], origin[2] + v[2]]);
  ctx.transform(ux - ox, uy - oy, vx - ox, vy - oy, ox, oy);
}

export interface PrismFace {
  kind: "front" | "back" | "side";
  /** For side faces, the outline edge it stands on (edge i runs from point i to i+1). */
  edge: number;
  normal: Vec3;
  /** Sets the transform for artwork on this face: u right, v down, origin at the face's centre line. */
  enter(ctx: SKRSContext2D): void;
}

export interface Prism {
  outline: readonly Point[];
  /** Depth along z; the prism spans z = centreZ ± depth/2. */
  depth: number;
  centreZ?: number;
  colour: Rgb;
  finish: Finish;
  /** Colour of the side walls, if not the same as the caps (a phone's frame). */
  sideColour?: Rgb;
  sideFinish?: Finish;
  decorate?: (ctx: SKRSContext2D, face: PrismFace) => void;
}

export function drawPrism(ctx: SKRSContext2D, camera: Camera, prism: Prism): void {
  const zc = prism.centreZ ?? 0;
  const front = zc + prism.depth / 2;
  const back = zc - prism.depth / 2;
  const faces: { face: PrismFace; corners: Vec3[]; colour: Rgb; finish: Finish }[] = [];
  const n = prism.outline.length;
  for (let i = 0; i < n; i += 1) {
    const [x0, y0] = prism.outline[i]!;
    const [x1, y1] = prism.outline[(i + 1) % n]!;
    const length = Math.hypot(x1 - x0, y1 - y0) || 1;
    // Outlines run anticlockwise (x right, y up), so the outward normal is (dy, -dx).
    const normal: Vec3 = [(y1 - y0) / length, -(x1 - x0) / length, 0];
    faces.push({
      face: {
        kind: "side",
        edge: i,
        normal,
        enter: (c) =>
          applyPlane(
            c,
            camera,
            [(x0 + x1) / 2, (y0 + y1) / 2, zc],
            [(x1 - x0) / length, (y1 - y0) / length, 0],
            [0, 0, -1],
          ),
      },
      corners: [
        [x0, y0, front],
        [x1, y1, front],
        [x1, y1, back],
        [x0, y0, back],
      ],
      colour: prism.sideColour ?? prism.colour,
      finish: prism.sideFinish ?? prism.finish,
    });
  }
  faces.push({
    face: {
      kind: "front",
      edge: -1,
      normal: [0, 0, 1],
      enter: (c) => applyPlane(c, camera, [0, 0, front], [1, 0, 0], [0, -1, 0]),
    },
    corners: prism.outline.map(([x, y]) => [x, y, front] as Vec3),
    colour: prism.colour,
    finish: prism.finish,
  });
  faces.push({
    face: {
      kind: "back",
      edge: -1,
      normal: [0, 0, -1],
      enter: (c) => applyPlane(c, camera, [0, 0, back], [-1, 0, 0], [0, -1, 0]),
    },
    corners: prism.outline.map(([x, y]) => [x, y, back] as Vec3),
    colour: prism.colour,
    finish: prism.finish,
  });

  const visible = faces.filter(({ face }) => viewNormal(camera, face.normal)[2] > 1e-3);
  for (const { face, corners, colour, finish } of visible) {
    const points = corners.map((corner) => project(camera, corner));
    ctx.save();
    ctx.beginPath();
    for (const [x, y] of points) ctx.lineTo(x, y);
    ctx.closePath();
    ctx.fillStyle = css(faceColour(colour, finish, lightFacing(camera, face.normal)));
    ctx.fill();
    // Seal hairline gaps between neighbouring faces.
    ctx.strokeStyle = ctx.fillStyle;
    ctx.lineWidth = 0.002;
    ctx.stroke();
    if (face.kind !== "side") {
      const xs = points.map(([x]) => x);
      const ys = points.map(([, y]) => y);
      ctx.clip();
      ctx.fillStyle = faceSheen(
        ctx,
        [Math.min(...xs), Math.min(...ys)],
        [Math.max(...xs), Math.max(...ys)],
        finish,
      );
      ctx.fill();
    }
    if (prism.decorate) {
      ctx.clip();
      face.enter(ctx);
      prism.decorate(ctx, face);
    }
    ctx.restore();
  }
}

/** A rounded rectangle outline, anticlockwise from the bottom edge, corners sampled smoothly. */
export function roundedRectOutline(
  width: number,
  height: number,
  radius: number,
  bottom = 0,
  segments = 6,
): Point[] {
  const r = Math.min(radius, width / 2, height / 2);
  const corners: [number, number, number][] = [
    [width / 2 - r, bottom + r, -Math.PI / 2],
    [width / 2 - r, bottom + height - r, 0],
    [-width / 2 + r, bottom + height - r, Math.PI / 2],
    [-width / 2 + r, bottom + r, Math.PI],
  ];
  const points: Point[] = [];
  for (const [cx, cy, start] of corners) {
    for (let i = 0; i <= segments; i += 1) {
      const angle = start + (Math.PI / 2) * (i / segments);
      points.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
    }
  }
  return points;
}

/** Screen bounds of a prism, for framing. */
export function prismBounds(
  camera: Camera,
  prisms: readonly Prism[],
): { left: number; right: number; height: number } {
  const points = prisms.flatMap((prism) => {
    const zc = prism.centreZ ?? 0;
    return prism.outline.flatMap(([x, y]) => [
      project(camera, [x, y, zc + prism.depth / 2]),
      project(camera, [x, y, zc - prism.depth / 2]),
    ]);
  });
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  return {
    left: -Math.min(...xs),
    right: Math.max(...xs),
    height: -Math.min(...ys) + Math.max(0, Math.max(...ys)),
  };
}
