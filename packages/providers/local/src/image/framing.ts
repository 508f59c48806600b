import { type ViewType } from "@adgen/schemas";
import { type ProductDrawing } from "./painter";

/** Where the product goes in the frame and how big: pixels per unit and the base point. */
export interface Framing {
  scale: number;
  originX: number;
  originY: number;
  /** Wall/floor line, or null when the camera looks straight down. */
  horizon: number | null;
  /** Tilt of the product in radians (in-use shots lean into motion). */
  tilt: number;
}

/**
 * Product photographers fill about 60 % of the frame and stand the product a little below
 * centre; close-ups crop in on the detail, lifestyle shots leave room for the scene.
 */
export function frameProduct(
  view: ViewType,
  drawing: ProductDrawing,
  width: number,
  height: number,
): Framing {
  const spanX = drawing.left + drawing.right;
  const fit = Math.min((width * 0.6) / spanX, (height * 0.6) / drawing.height);
  const centreX = (x: number, scale: number) => x + ((drawing.left - drawing.right) / 2) * scale;
  switch (view) {
    case "top":
      return {
        scale: fit,
        originX: centreX(width / 2, fit),
        originY: height * 0.5 + (drawing.height * fit) / 2,
        horizon: null,
        tilt: 0,
      };
    case "detail": {
      const scale = fit * 2.3;
      return {
        scale,
        originX: width / 2 - drawing.focus[0] * scale,
        originY: height * 0.5 - drawing.focus[1] * scale,
        horizon: height * 0.7,
        tilt: 0,
      };
    }
    case "lifestyle": {
      const scale = fit * 0.72;
      return {
        scale,
        originX: centreX(width * 0.58, scale),
        originY: height * 0.72,
        horizon: height * 0.6,
        tilt: 0,
      };
    }
    case "in_use":
      return {
        scale: fit * 0.95,
        originX: centreX(width * 0.5, fit * 0.95),
        originY: height * 0.78,
        horizon: height * 0.66,
        tilt: -0.12,
      };
    default:
      return {
        scale: fit,
        originX: centreX(width / 2, fit),
        originY: height * 0.8,
        horizon: height * 0.66,
        tilt: 0,
      };
  }
}
