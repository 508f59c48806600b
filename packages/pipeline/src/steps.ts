import { validateOverlayText } from "@adgen/compositor";
import { listApprovedAssets } from "@adgen/db";
import {
  composeFinalVideoInput,
  generateClipsInput,
  generateImagesInput,
  saveApprovedClipsInput,
  saveApprovedImagesInput,
  type StepName,
} from "@adgen/schemas";
import { approveClips, approveImages } from "./approvals";
import { PipelineError } from "./errors";
import { runComposeJob } from "./jobs/compose-video";
import { runClipJob } from "./jobs/generate-clips";
import { runImageJob } from "./jobs/generate-images";
import { callMicros } from "./ledger";
import { GENERATION_QUEUE } from "./queue";
import { approvalStep, jobStep } from "./requests";
import type { ApprovalStep, JobStep } from "./step-types";

/*
 * The STEPS table (DESIGN.md, "Inside the pipeline"): one row per step a user can ask for.
 * Each row is the step's flow from `STEP_FLOW` in @adgen/schemas (from-stages, running and
 * done stage, names and refusals, shared with the browser) plus what only the server
 * needs: input schema, queue and expiry, preconditions, estimate, what the session
 * remembers, the queued message and the job handler. The stage machine, the requests, the
 * worker's handlers, the queues, retry and the dead-letter handler are all read from here:
 * a new step is a new row. docs/pipeline.md shows the table whole.
 */
export const STEPS = {
  generateImages: jobStep("generateImages", {
    input: generateImagesInput,
    queue: GENERATION_QUEUE,
    expireInSeconds: 10 * 60,
    check: async () => null,
    estimateMicros: (provider, input) =>
      callMicros(provider.promptParser) + input.numImages * callMicros(provider.imageModel),
    remember: ({ sessionId: _, ...request }) => ({
      productPrompt: request.productPrompt,
      styleKeywords: request.styleKeywords,
      lastRequest: { step: "generateImages", ...request },
    }),
    queuedMessage: (input) => `Queued ${input.numImages} product images…`,
    run: runImageJob,
  }),

  saveApprovedImages: approvalStep("saveApprovedImages", {
    input: saveApprovedImagesInput,
    apply: approveImages,
  }),

  generateClips: jobStep("generateClips", {
    input: generateClipsInput,
    queue: GENERATION_QUEUE,
    expireInSeconds: 20 * 60,
    check: async (deps, session) => {
      const approved = await listApprovedAssets(deps.db, session.id, "image");
      if (approved.length < 2) {
        throw new PipelineError(
          "PRECONDITION_FAILED",
          "Approve at least 2 images before making clips.",
        );
      }
      return { clips: approved.length };
    },
    estimateMicros: (provider, input, { clips }) =>
      callMicros(provider.scenePlanner) +
      clips *
        (callMicros(provider.videoModel, input.clipDuration) +
          callMicros(provider.videoAnalyst, input.clipDuration)),
    remember: ({ sessionId: _, ...request }) => ({
      videoPrompt: request.videoPrompt,
      lastRequest: { step: "generateClips", ...request },
    }),
    queuedMessage: (_input, { clips }) => `Queued ${clips} clips…`,
    run: runClipJob,
  }),

  saveApprovedClips: approvalStep("saveApprovedClips", {
    input: saveApprovedClipsInput,
    apply: approveClips,
  }),

  composeFinalVideo: jobStep("composeFinalVideo", {
    input: composeFinalVideoInput,
    queue: GENERATION_QUEUE,
    expireInSeconds: 20 * 60,
    check: async (deps, session, input) => {
      // Text a bundled font cannot draw is refused now, before any work or money is spent.
      const text = validateOverlayText(input.textOverlay);
      if (!text.ok)
        throw new PipelineError("BAD_REQUEST", text.message, `textOverlay.${text.field}`);
      const approved = new Set(
        (await listApprovedAssets(deps.db, session.id, "video")).map((a) => a.id),
      );
      if (session.clipOrder.length === 0 || !session.clipOrder.every((id) => approved.has(id))) {
        throw new PipelineError(
          "PRECONDITION_FAILED",
          "Approve and order your clips before composing the video.",
        );
      }
      return null;
    },
    // Composition runs on our own ffmpeg; only the music bed (at most 15 s) may be paid.
    estimateMicros: (provider, input) =>
      input.audio.enabled ? callMicros(provider.musicModel, 15) : 0,
    remember: ({ sessionId: _, ...request }) => ({
      lastRequest: { step: "composeFinalVideo", ...request },
    }),
    queuedMessage: () => "Queued your final video…",
    run: runComposeJob,
  }),
} satisfies Record<StepName, JobStep | ApprovalStep>;

/** Every row, for code that treats the steps alike. */
const ROWS: readonly (JobStep | ApprovalStep)[] = Object.values(STEPS);

/** The job steps: their handlers, expiry and retry are read from here. */
export const JOB_STEPS: readonly JobStep[] = ROWS.filter(
  (row): row is JobStep => row.kind === "job",
);
