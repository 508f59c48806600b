import { listSessionAssetsByIds, saveApprovals, type SessionRow } from "@adgen/db";
import {
  approvalTarget,
  type ApprovalStepName,
  type SaveApprovedClipsInput,
  type SaveApprovedImagesInput,
} from "@adgen/schemas";
import type { PipelineDeps } from "./deps";
import { PipelineError } from "./errors";

/** Checks that every id is an asset of this session of the given type; a stranger's id is a bad request. */
async function requireOwnAssets(
  deps: PipelineDeps,
  sessionId: string,
  ids: string[],
  type: "image" | "video",
) {
  const found = new Set(
    (await listSessionAssetsByIds(deps.db, sessionId, type, ids)).map((a) => a.id),
  );
  const missing = ids.find((id) => !found.has(id));
  if (missing) {
    const what = type === "image" ? "image" : "clip";
    const field = type === "image" ? "approvedImageIds" : "approvedClipIds";
    throw new PipelineError(
      "BAD_REQUEST",
      `The ${what} ${missing} is not part of this session.`,
      field,
    );
  }
}

/** Approves exactly `ids` and moves the session where the step's flow row says. */
async function approve(
  deps: PipelineDeps,
  step: ApprovalStepName,
  session: SessionRow,
  type: "image" | "video",
  ids: string[],
  clipOrder?: string[],
) {
  await requireOwnAssets(deps, session.id, ids, type);
  const saved = await saveApprovals(deps.db, {
    sessionId: session.id,
    type,
    approvedIds: ids,
    expected: session.stage,
    to: approvalTarget(step, session.stage),
    patch: clipOrder ? { clipOrder } : undefined,
  });
  if (!saved) {
    throw new PipelineError(
      "PRECONDITION_FAILED",
      "The session changed meanwhile. Reload and try again.",
    );
  }
}

export async function approveImages(
  deps: PipelineDeps,
  session: SessionRow,
  input: SaveApprovedImagesInput,
) {
  await approve(deps, "saveApprovedImages", session, "image", input.approvedImageIds);
  return { approvedImageIds: input.approvedImageIds };
}

export async function approveClips(
  deps: PipelineDeps,
  session: SessionRow,
  input: SaveApprovedClipsInput,
) {
  await approve(
    deps,
    "saveApprovedClips",
    session,
    "video",
    input.approvedClipIds,
    input.clipOrder,
  );
  return { approvedClipIds: input.approvedClipIds, clipOrder: input.clipOrder };
}
