import { canStartStep, runningStep, type Stage } from "@adgen/schemas";
import type { SessionView } from "./session-view";

/** The four places of the stepper, in order. */
export const STEPS = [
  { id: "images", number: 1, label: "Product images" },
  { id: "clips", number: 2, label: "Video clips" },
  { id: "finish", number: 3, label: "Finish" },
  { id: "result", number: 4, label: "Result" },
] as const;
export type StepId = (typeof STEPS)[number]["id"];

type StepFacts = Pick<
  SessionView,
  "stage" | "lastGoodStage" | "approvedImageIds" | "clipOrder" | "finalVideo" | "generatedClips"
>;

/** A failed step is shown where it failed: the step after the last good stage. */
function stageShown(session: StepFacts): Stage {
  if (session.stage !== "failed") return session.stage;
  const after: Partial<Record<Stage, Stage>> = {
    created: "image_generation",
    image_selection: "clip_generation",
    clip_selection: "final_composition",
    complete: "final_composition",
  };
  return after[session.lastGoodStage ?? "created"] ?? "image_generation";
}

/** Where the ad is: what a returning user lands on. */
export function currentStep(session: StepFacts): StepId {
  const stage = stageShown(session);
  switch (stage) {
    case "created":
    case "image_generation":
      return "images";
    case "image_selection":
      return session.approvedImageIds.length >= 2 ? "clips" : "images";
    case "clip_generation":
      return "clips";
    case "clip_selection":
      return session.clipOrder.length > 0 ? "finish" : "clips";
    case "final_composition":
      return "finish";
    default:
      return "result";
  }
}

/** Steps the user may open now: the ones done, and the current one. */
export function reachableSteps(session: StepFacts): Set<StepId> {
  const open = new Set<StepId>(["images"]);
  if (session.approvedImageIds.length >= 2) open.add("clips");
  if (session.clipOrder.length > 0 && session.generatedClips.length > 0) open.add("finish");
  if (session.finalVideo) open.add("result");
  open.add(currentStep(session));
  return open;
}

/** The step whose job runs now, if any, and what may start: read from the flow table. */
export function flowState(stage: Stage) {
  return {
    running: runningStep(stage),
    can: (step: Parameters<typeof canStartStep>[0]) => canStartStep(step, stage),
  };
}
