import { describe, expect, it } from "vitest";
import { STAGES } from "./enums";
import {
  approvalTarget,
  availableSteps,
  RUNNING_STAGES,
  runningStep,
  wrongStageMessage,
} from "./step-flow";

describe("the step flow", () => {
  it("offers in each stage the steps DESIGN.md's flow allows", () => {
    expect(Object.fromEntries(STAGES.map((stage) => [stage, availableSteps(stage)]))).toEqual({
      created: ["generateImages"],
      image_generation: [],
      image_selection: ["generateImages", "saveApprovedImages", "generateClips"],
      clip_generation: [],
      clip_selection: [
        "generateImages",
        "saveApprovedImages",
        "generateClips",
        "saveApprovedClips",
        "composeFinalVideo",
      ],
      final_composition: [],
      complete: [
        "generateImages",
        "saveApprovedImages",
        "generateClips",
        "saveApprovedClips",
        "composeFinalVideo",
      ],
      failed: [
        "generateImages",
        "saveApprovedImages",
        "generateClips",
        "saveApprovedClips",
        "composeFinalVideo",
      ],
    });
  });

  it("knows which job runs in which stage", () => {
    expect(RUNNING_STAGES).toEqual(["image_generation", "clip_generation", "final_composition"]);
    expect(runningStep("clip_generation")).toBe("generateClips");
    expect(runningStep("clip_selection")).toBeNull();
  });

  it("refuses with the running job's sentence, else the step's own", () => {
    expect(wrongStageMessage("generateClips", "image_generation")).toBe(
      "Images are still being generated. Wait for them to finish.",
    );
    expect(wrongStageMessage("composeFinalVideo", "final_composition")).toBe(
      "The video is still being composed. Wait for it to finish.",
    );
    expect(wrongStageMessage("generateClips", "created")).toBe("Generate product images first.");
    expect(wrongStageMessage("saveApprovedClips", "image_selection")).toBe(
      "Generate video clips first.",
    );
  });

  it("leaves a session where each approval says", () => {
    expect(approvalTarget("saveApprovedImages", "complete")).toBe("image_selection");
    expect(approvalTarget("saveApprovedClips", "failed")).toBe("clip_selection");
    expect(approvalTarget("saveApprovedClips", "complete")).toBe("complete");
  });
});
