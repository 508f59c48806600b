import { listSessionAssets, type AssetRow, type SessionRow } from "@adgen/db";
import type { PipelineHarness } from "./harness";

/** Runs the images step to its end; returns the session, the images and the last event id. */
export async function makeImages(h: PipelineHarness, session: SessionRow, numImages = 4) {
  const { pipeline, reload } = h;
  await pipeline.generateImages(session, {
    sessionId: session.id,
    productPrompt: "Matte black aluminium water bottle",
    numImages,
    styleKeywords: [],
  });
  const events = await h.untilDone(session.id);
  const images = await listSessionAssets(h.testDb.conn.db, session.id, "image");
  return { session: await reload(session.id), images, lastEventId: events.at(-1)!.id, events };
}

/** Approves the first `approve` images and runs the clips step to its end. */
export async function makeClips(
  h: PipelineHarness,
  start: { session: SessionRow; images: AssetRow[]; lastEventId: number },
  approve = 2,
) {
  const approvedImageIds = start.images.slice(0, approve).map((i) => i.id);
  const sessionId = start.session.id;
  await h.pipeline.saveApprovedImages(start.session, { sessionId, approvedImageIds });
  await h.pipeline.generateClips(await h.reload(sessionId), {
    sessionId,
    videoPrompt: "Slow elegant orbit on marble",
    clipDuration: 2,
  });
  const events = await h.untilDone(sessionId, start.lastEventId);
  const clips = await listSessionAssets(h.testDb.conn.db, sessionId, "video");
  return { session: await h.reload(sessionId), clips, lastEventId: events.at(-1)!.id, events };
}

/** Approves `clipIds` in that order: the session is then ready to compose. */
export async function orderClips(h: PipelineHarness, session: SessionRow, clipIds: string[]) {
  const input = { sessionId: session.id, approvedClipIds: clipIds, clipOrder: clipIds };
  await h.pipeline.saveApprovedClips(session, input);
  return h.reload(session.id);
}
