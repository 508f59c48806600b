import { type SKRSContext2D } from "@napi-rs/canvas";
import { type ViewType } from "@adgen/schemas";
import { type Look } from "./look";

/** How the camera sees the product: turned by `yaw`, looking down by `pitch` (radians). */
export interface Pose {
  view: ViewType;
  yaw: number;
  pitch: number;
}

/**
 * A product drawn in units with its base centre at the origin (y grows downwards on
 * screen, so the product sits in negative y). The stage scales it to fit the frame.
 */
export interface ProductDrawing {
  /** Extent left and right of the origin, and height above it, in units. */
  left: number;
  right: number;
  height: number;
  /** The point a close-up centres on. */
  focus: readonly [number, number];
  paint(ctx: SKRSContext2D): void;
}

export type Painter = (look: Look, pose: Pose) => ProductDrawing;

export function poseForView(view: ViewType): Pose {
  const poses: Record<ViewType, Omit<Pose, "view">> = {
    front: { yaw: 0, pitch: 0.14 },
    three_quarter: { yaw: 0.62, pitch: 0.24 },
    side: { yaw: Math.PI / 2, pitch: 0.1 },
    back: { yaw: Math.PI, pitch: 0.14 },
    top: { yaw: 0.35, pitch: 1.25 },
    detail: { yaw: 0.4, pitch: 0.2 },
    lifestyle: { yaw: 0.5, pitch: 0.18 },
    in_use: { yaw: 0.3, pitch: 0.16 },
  };
  return { view, ...poses[view] };
}
