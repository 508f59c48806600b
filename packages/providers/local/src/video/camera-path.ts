import type { CameraMove, Scene } from "@adgen/agents";

/**
 * Where the four corners of the source region sit, as fractions of the still: top-left,
 * top-right, bottom-left, bottom-right (ffmpeg `perspective` order). The clip animates from
 * `from` to `to`; every corner stays inside the still, so no edge ever shows.
 */
export type Quad = readonly [number, number, number, number, number, number, number, number];
export interface CameraPath {
  from: Quad;
  to: Quad;
}

/** A repeatable number in [0, 1) from the seed (mulberry32), so moves vary by seed but never by run. */
export function seedUnit(seed: number, salt: number): number {
  let t = (seed ^ Math.imul(salt + 1, 0x9e3779b9)) >>> 0;
  t = (t + 0x6d2b79f5) >>> 0;
  let r = Math.imul(t ^ (t >>> 15), t | 1);
  r ^= r + Math.imul(r ^ (r >>> 7), r | 61);
  return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** An axis-aligned window of `visible` (1 = the whole still) centred where it can be. */
function window(centreX: number, centreY: number, visible: number): Quad {
  const half = visible / 2;
  const x = clamp(centreX, half, 1 - half);
  const y = clamp(centreY, half, 1 - half);
  return [x - half, y - half, x + half, y - half, x - half, y + half, x + half, y + half];
}

/** A trapezoid: the right edge is (1 + skew)/(1 − skew) times as tall as the left, like a turned card. */
function trapezoid(centreX: number, visible: number, skew: number): Quad {
  const half = visible / 2;
  const x = clamp(centreX, half, 1 - half);
  const left = half * (1 - skew);
  const right = half * (1 + skew);
  return [x - half, 0.5 - left, x + half, 0.5 - right, x - half, 0.5 + left, x + half, 0.5 + right];
}

/**
 * Plans the move. Intensity scales how far the camera travels (0 still drifts a little);
 * the seed nudges the target so two clips of the same scene do not move identically.
 */
export function planCameraPath(
  move: CameraMove,
  intensity: Scene["intensity"],
  seed: number,
): CameraPath {
  const amount = 0.05 + 0.17 * clamp(intensity, 0, 1);
  const driftX = (seedUnit(seed, 1) - 0.5) * amount * 0.4;
  const driftY = (seedUnit(seed, 2) - 0.5) * amount * 0.4;
  const moves: Record<CameraMove, () => CameraPath> = {
    push_in: () => ({
      from: window(0.5, 0.5, 1),
      to: window(0.5 + driftX, 0.5 + driftY, 1 - amount),
    }),
    pull_out: () => ({
      from: window(0.5 + driftX, 0.5 + driftY, 1 - amount),
      to: window(0.5, 0.5, 1),
    }),
    pan_left: () => sweep("x", +1, amount, driftY),
    pan_right: () => sweep("x", -1, amount, driftY),
    tilt_up: () => sweep("y", +1, amount, driftX),
    tilt_down: () => sweep("y", -1, amount, driftX),
    orbit: () => {
      const skew = 0.03 + 0.09 * clamp(intensity, 0, 1);
      const visible = Math.min(1 - amount * 0.6, 1 / (1 + skew) - 0.002);
      const travel = (1 - visible) / 2;
      const direction = seedUnit(seed, 3) < 0.5 ? 1 : -1;
      return {
        from: trapezoid(0.5 + direction * travel, visible, -direction * skew),
        to: trapezoid(0.5 - direction * travel, visible, direction * skew),
      };
    },
  };
  return moves[move]();
}

/**
 * A pan (x) or tilt (y) from one side of the still to the other, with a slight push so the
 * frame keeps breathing. `from = +1` starts at the right/bottom: the window then moves
 * left/up, which is what "pan left"/"tilt up" look like.
 */
function sweep(axis: "x" | "y", from: 1 | -1, amount: number, cross: number): CameraPath {
  const start = 1 - amount;
  const end = start - amount * 0.15;
  const at = (offset: number, visible: number) =>
    axis === "x"
      ? window(0.5 + offset, 0.5 + cross, visible)
      : window(0.5 + cross, 0.5 + offset, visible);
  return { from: at((from * amount) / 2, start), to: at((-from * amount) / 2, end) };
}
