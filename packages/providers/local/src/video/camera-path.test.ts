import { describe, expect, it } from "vitest";
import { CAMERA_MOVES } from "@adgen/agents";
import { planCameraPath, seedUnit, type Quad } from "./camera-path";

const centre = (quad: Quad) => ({
  x: (quad[0] + quad[2] + quad[4] + quad[6]) / 4,
  y: (quad[1] + quad[3] + quad[5] + quad[7]) / 4,
});
const width = (quad: Quad) => quad[2] - quad[0];

describe("planCameraPath", () => {
  it("keeps every corner inside the still for all moves, intensities and seeds", () => {
    for (const move of CAMERA_MOVES) {
      for (const intensity of [0, 0.3, 0.7, 1]) {
        for (const seed of [0, 1, 42, 2 ** 31 - 1]) {
          const path = planCameraPath(move, intensity, seed);
          for (const value of [...path.from, ...path.to]) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1);
          }
        }
      }
    }
  });

  it("moves the window the way each move is named", () => {
    const push = planCameraPath("push_in", 0.5, 3);
    expect(width(push.to)).toBeLessThan(width(push.from));
    const pull = planCameraPath("pull_out", 0.5, 3);
    expect(width(pull.to)).toBeGreaterThan(width(pull.from));
    expect(centre(planCameraPath("pan_left", 0.5, 3).to).x).toBeLessThan(
      centre(planCameraPath("pan_left", 0.5, 3).from).x,
    );
    expect(centre(planCameraPath("pan_right", 0.5, 3).to).x).toBeGreaterThan(
      centre(planCameraPath("pan_right", 0.5, 3).from).x,
    );
    expect(centre(planCameraPath("tilt_up", 0.5, 3).to).y).toBeLessThan(
      centre(planCameraPath("tilt_up", 0.5, 3).from).y,
    );
    expect(centre(planCameraPath("tilt_down", 0.5, 3).to).y).toBeGreaterThan(
      centre(planCameraPath("tilt_down", 0.5, 3).from).y,
    );
  });

  it("turns the frame into a trapezoid for orbit, leaning the other way at the end", () => {
    const { from, to } = planCameraPath("orbit", 0.8, 9);
    const leftHeight = (q: Quad) => q[5] - q[1];
    const rightHeight = (q: Quad) => q[7] - q[3];
    expect(Math.sign(leftHeight(from) - rightHeight(from))).toBe(
      -Math.sign(leftHeight(to) - rightHeight(to)),
    );
    expect(Math.abs(leftHeight(from) - rightHeight(from))).toBeGreaterThan(0.1);
  });

  it("travels further with more intensity", () => {
    const gentle = planCameraPath("push_in", 0, 1);
    const strong = planCameraPath("push_in", 1, 1);
    expect(width(strong.to)).toBeLessThan(width(gentle.to));
  });

  it("derives variety from the seed, repeatably", () => {
    expect(seedUnit(5, 1)).toBe(seedUnit(5, 1));
    expect(seedUnit(5, 1)).not.toBe(seedUnit(6, 1));
    expect(planCameraPath("push_in", 0.5, 5)).toEqual(planCameraPath("push_in", 0.5, 5));
    expect(planCameraPath("push_in", 0.5, 5)).not.toEqual(planCameraPath("push_in", 0.5, 6));
  });
});
