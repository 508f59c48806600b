import type { Stage } from "./enums";

/*
 * The flow of a generation session (DESIGN.md, "The flow"), one row per step the user can
 * ask for. This is the pure-data half of the pipeline's STEPS table
 * (packages/pipeline/src/steps.ts), which spreads each row and adds its input schema,
 * queue, estimate and handler. It lives here so the browser can tell what the user can do
 * now without loading server code.
 *
 * - `from`: the stages the step may start from; anything else is refused.
 * - job steps: `running` while their job works, `done` when it succeeds; `label` and `unit`
 *   name them in failure messages; `busyMessage` refuses any step while this one runs.
 * - approval steps: `to` is the stage they leave the session in (`keeps` lists the stages
 *   that stay as they are).
 * - `notYetMessage`: the refusal from a stage the step cannot start from.
 */
export const STEP_FLOW = {
  generateImages: {
    kind: "job",
    from: ["created", "image_selection", "clip_selection", "complete", "failed"],
    running: "image_generation",
    done: "image_selection",
    label: "image generation",
    unit: "image",
    busyMessage: "Images are still being generated. Wait for them to finish.",
    notYetMessage: "This step is not available right now.",
  },
  saveApprovedImages: {
    kind: "approval",
    from: ["image_selection", "clip_selection", "complete", "failed"],
    // Approving images again means choosing clips again.
    to: "image_selection",
    keeps: [],
    notYetMessage: "Generate product images first.",
  },
  generateClips: {
    kind: "job",
    from: ["image_selection", "clip_selection", "complete", "failed"],
    running: "clip_generation",
    done: "clip_selection",
    label: "clip generation",
    unit: "clip",
    busyMessage: "Clips are still being generated. Wait for them to finish.",
    notYetMessage: "Generate product images first.",
  },
  saveApprovedClips: {
    kind: "approval",
    from: ["clip_selection", "complete", "failed"],
    to: "clip_selection",
    // A finished ad stays finished: its video is still the current one until recomposed.
    keeps: ["complete"],
    notYetMessage: "Generate video clips first.",
  },
  composeFinalVideo: {
    kind: "job",
    from: ["clip_selection", "complete", "failed"],
    running: "final_composition",
    done: "complete",
    label: "composition",
    unit: null,
    busyMessage: "The video is still being composed. Wait for it to finish.",
    notYetMessage: "Generate video clips first.",
  },
} as const satisfies Record<string, StepFlowRow>;

type StepFlowRow =
  | {
      kind: "job";
      from: readonly Stage[];
      running: Stage;
      done: Stage;
      label: string;
      unit: string | null;
      busyMessage: string;
      notYetMessage: string;
    }
  | {
      kind: "approval";
      from: readonly Stage[];
      to: Stage;
      keeps: readonly Stage[];
      notYetMessage: string;
    };

export type StepName = keyof typeof STEP_FLOW;
type Flow = typeof STEP_FLOW;
export type JobStepName = { [K in StepName]: Flow[K]["kind"] extends "job" ? K : never }[StepName];
export type ApprovalStepName = Exclude<StepName, JobStepName>;
export type JobStepFlow = Flow[JobStepName];
export type ApprovalStepFlow = Flow[ApprovalStepName];

export const STEP_NAMES = Object.keys(STEP_FLOW) as StepName[];
export const JOB_STEP_NAMES = STEP_NAMES.filter(
  (name): name is JobStepName => STEP_FLOW[name].kind === "job",
);

/** Stages in which a job is running: the UI shows progress, mutations wait. */
export const RUNNING_STAGES: readonly Stage[] = JOB_STEP_NAMES.map((n) => STEP_FLOW[n].running);

/** The job step whose job runs in `stage`, or null when none does. */
export function runningStep(stage: Stage): JobStepName | null {
  return JOB_STEP_NAMES.find((name) => STEP_FLOW[name].running === stage) ?? null;
}

/** Whether `step` may start from `stage`. */
export function canStartStep(step: StepName, stage: Stage): boolean {
  return (STEP_FLOW[step].from as readonly Stage[]).includes(stage);
}

/** What the user can ask for in `stage`: the web shows these steps' forms. */
export function availableSteps(stage: Stage): StepName[] {
  return STEP_NAMES.filter((name) => canStartStep(name, stage));
}

/** The stage an approval leaves a session in that was in `from`. */
export function approvalTarget(step: ApprovalStepName, from: Stage): Stage {
  const flow: ApprovalStepFlow = STEP_FLOW[step];
  return (flow.keeps as readonly Stage[]).includes(from) ? from : flow.to;
}

/** A sentence the user understands for `step` asked for while the session is in `stage`. */
export function wrongStageMessage(step: StepName, stage: Stage): string {
  const running = runningStep(stage);
  return running ? STEP_FLOW[running].busyMessage : STEP_FLOW[step].notYetMessage;
}
