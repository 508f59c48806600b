import { and, assets, eq, inArray, sessions, type SessionRow } from "@adgen/db";
import { validateOverlayText } from "@adgen/compositor";
import type {
  ComposeFinalVideoInput,
  GenerateClipsInput,
  GenerateImagesInput,
  SaveApprovedClipsInput,
  SaveApprovedImagesInput,
  Stage,
} from "@adgen/schemas";
import { randomUUID } from "node:crypto";
import type { PipelineDeps } from "./deps";
import { PipelineError } from "./errors";
import { assertWithinBudget } from "./ledger";
import { estimateClipsMicros, estimateComposeMicros, estimateImagesMicros } from "./estimates";
import { QUEUES, type GenerationJobData, type GenerationQueue } from "./queue";
import { ALLOWED_FROM, moveStage, wrongStageMessage, type StepName } from "./stage-machine";

type Owned = Pick<SessionRow, "id" | "stage">;

function requireStage(step: StepName, session: Owned) {
  if (!(ALLOWED_FROM[step] as readonly Stage[]).includes(session.stage)) {
    throw new PipelineError("PRECONDITION_FAILED", wrongStageMessage(step, session.stage));
  }
}

async function enqueue(
  deps: PipelineDeps,
  session: Owned,
  step: StepName,
  running: Stage,
  queue: GenerationQueue,
  patch: Partial<typeof sessions.$inferInsert>,
  message: string,
) {
  const runId = randomUUID();
  const moved = await moveStage(deps.db, session.id, ALLOWED_FROM[step], running, {
    ...patch,
    currentRunId: runId,
    lastGoodStage: session.stage === "failed" ? undefined : session.stage,
    error: null,
  });
  // Someone else moved the session first (a double click): that request started the job.
  if (!moved) throw new PipelineError("PRECONDITION_FAILED", wrongStageMessage(step, running));
  const data: GenerationJobData = { sessionId: session.id, runId };
  try {
    await deps.boss.send(queue, data, { singletonKey: `${session.id}:${runId}` });
  } catch (error) {
    await moveStage(deps.db, session.id, [running], "failed", { error: "Could not start the job. Please try again." });
    throw error;
  }
  await deps.events.publish(session.id, { stage: running, progress: 0, message });
  return { jobId: runId };
}

export async function requestImages(deps: PipelineDeps, session: SessionRow, input: GenerateImagesInput) {
  requireStage("generateImages", session);
  await assertWithinBudget(deps.db, session.id, estimateImagesMicros(deps.provider, input.numImages));
  return enqueue(
    deps,
    session,
    "generateImages",
    "image_generation",
    QUEUES.images,
    {
      productPrompt: input.productPrompt,
      styleKeywords: input.styleKeywords,
      lastRequest: { step: "generateImages", ...input },
    },
    `Queued ${input.numImages} product images…`,
  );
}

export async function requestClips(deps: PipelineDeps, session: SessionRow, input: GenerateClipsInput) {
  requireStage("generateClips", session);
  const approved = await deps.db
    .select({ id: assets.id })
    .from(assets)
    .where(and(eq(assets.sessionId, session.id), eq(assets.type, "image"), eq(assets.approved, true)));
  if (approved.length < 2) {
    throw new PipelineError("PRECONDITION_FAILED", "Approve at least 2 images before making clips.");
  }
  await assertWithinBudget(
    deps.db,
    session.id,
    estimateClipsMicros(deps.provider, approved.length, input.clipDuration),
  );
  return enqueue(
    deps,
    session,
    "generateClips",
    "clip_generation",
    QUEUES.clips,
    { videoPrompt: input.videoPrompt, lastRequest: { step: "generateClips", ...input } },
    `Queued ${approved.length} clips…`,
  );
}

/** Checks that every id is an asset of this session of the given type; a stranger's id is a bad request. */
async function requireOwnAssets(deps: PipelineDeps, sessionId: string, ids: string[], type: "image" | "video") {
  const rows = await deps.db
    .select({ id: assets.id })
    .from(assets)
    .where(and(eq(assets.sessionId, sessionId), eq(assets.type, type), inArray(assets.id, ids)));
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing) {
    const what = type === "image" ? "image" : "clip";
    throw new PipelineError(
      "BAD_REQUEST",
      `The ${what} ${missing} is not part of this session.`,
      type === "image" ? "approvedImageIds" : "approvedClipIds",
    );
  }
}

export async function approveImages(deps: PipelineDeps, session: SessionRow, input: SaveApprovedImagesInput) {
  requireStage("saveApprovedImages", session);
  await requireOwnAssets(deps, session.id, input.approvedImageIds, "image");
  const ids = new Set(input.approvedImageIds);
  await deps.db.transaction(async (tx) => {
    const images = await tx
      .select({ id: assets.id })
      .from(assets)
      .where(and(eq(assets.sessionId, session.id), eq(assets.type, "image")));
    for (const image of images) {
      await tx.update(assets).set({ approved: ids.has(image.id) }).where(eq(assets.id, image.id));
    }
    // Approving images again means choosing clips again: back to image selection.
    const [moved] = await tx
      .update(sessions)
      .set({ stage: "image_selection", updatedAt: new Date() })
      .where(and(eq(sessions.id, session.id), inArray(sessions.stage, [...ALLOWED_FROM.saveApprovedImages])))
      .returning({ id: sessions.id });
    if (!moved) throw new PipelineError("PRECONDITION_FAILED", "The session changed meanwhile. Reload and try again.");
  });
  return { approvedImageIds: input.approvedImageIds };
}

export async function approveClips(deps: PipelineDeps, session: SessionRow, input: SaveApprovedClipsInput) {
  requireStage("saveApprovedClips", session);
  await requireOwnAssets(deps, session.id, input.approvedClipIds, "video");
  const ids = new Set(input.approvedClipIds);
  await deps.db.transaction(async (tx) => {
    const clips = await tx
      .select({ id: assets.id })
      .from(assets)
      .where(and(eq(assets.sessionId, session.id), eq(assets.type, "video")));
    for (const clip of clips) {
      await tx.update(assets).set({ approved: ids.has(clip.id) }).where(eq(assets.id, clip.id));
    }
    const [moved] = await tx
      .update(sessions)
      .set({
        clipOrder: input.clipOrder,
        stage: session.stage === "failed" ? "clip_selection" : session.stage,
        updatedAt: new Date(),
      })
      .where(and(eq(sessions.id, session.id), eq(sessions.stage, session.stage)))
      .returning({ id: sessions.id });
    if (!moved) throw new PipelineError("PRECONDITION_FAILED", "The session changed meanwhile. Reload and try again.");
  });
  return { approvedClipIds: input.approvedClipIds, clipOrder: input.clipOrder };
}

export async function requestComposition(deps: PipelineDeps, session: SessionRow, input: ComposeFinalVideoInput) {
  requireStage("composeFinalVideo", session);
  // Text a bundled font cannot draw is refused now, before any work or money is spent.
  const text = validateOverlayText(input.textOverlay);
  if (!text.ok) throw new PipelineError("BAD_REQUEST", text.message, `textOverlay.${text.field}`);
  const approved = await deps.db
    .select({ id: assets.id })
    .from(assets)
    .where(and(eq(assets.sessionId, session.id), eq(assets.type, "video"), eq(assets.approved, true)));
  const approvedIds = new Set(approved.map((a) => a.id));
  if (session.clipOrder.length === 0 || !session.clipOrder.every((id) => approvedIds.has(id))) {
    throw new PipelineError("PRECONDITION_FAILED", "Approve and order your clips before composing the video.");
  }
  await assertWithinBudget(deps.db, session.id, estimateComposeMicros(deps.provider, input.audio.enabled, 15));
  return enqueue(
    deps,
    session,
    "composeFinalVideo",
    "final_composition",
    QUEUES.compose,
    { lastRequest: { step: "composeFinalVideo", ...input } },
    "Queued your final video…",
  );
}
