import { STEP_FLOW, STEP_NAMES } from "@adgen/schemas";
import { describe, expect, it } from "vitest";
import { GENERATION_QUEUE } from "./queue";
import { JOB_STEPS, STEPS } from "./steps";

describe("the STEPS table", () => {
  it("has one row per step of the flow, each carrying its flow row whole", () => {
    expect(Object.keys(STEPS)).toEqual(STEP_NAMES);
    for (const name of STEP_NAMES) {
      expect(STEPS[name]).toMatchObject({ ...STEP_FLOW[name], name });
    }
  });

  it("gives every job step the shared queue, its own expiry and handler", () => {
    expect(JOB_STEPS.map((s) => s.name)).toEqual([
      "generateImages",
      "generateClips",
      "composeFinalVideo",
    ]);
    // One queue, so one worker limit and one per-user limit cover every step (issue 9, fault 3).
    expect(new Set(JOB_STEPS.map((s) => s.queue))).toEqual(new Set([GENERATION_QUEUE]));
    expect(new Set(JOB_STEPS.map((s) => s.running)).size).toBe(JOB_STEPS.length);
    for (const step of JOB_STEPS) {
      expect(step.expireInSeconds).toBeGreaterThan(0);
      expect(step.run).toBeTypeOf("function");
    }
  });
});
