import { randomUUID } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ClipAnalysis } from "@adgen/agents";
import { composeAd, planTimeline } from "@adgen/compositor";
import { and, assets, eq, inArray, type AssetRow, type SessionRow } from "@adgen/db";
import { withTempDir } from "@adgen/media";
import { composeFinalVideoInput } from "@adgen/schemas";
import type { PipelineDeps } from "../deps";
import { callMicros } from "../estimates";
import { commitAsset } from "../ledger";
import { PipelineError } from "../errors";
import { userFacingError } from "../user-facing-error";
import { beginAttempt, completeRun, settleFailedAttempt } from "./run-guard";
import { paidCall } from "./paid-call";

const STAGE = "final_composition" as const;

async function download(deps: PipelineDeps, asset: AssetRow, dir: string, name: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, await deps.storage.getBytes(asset.storageKey));
  return file;
}

/** The music bed for this run, made once: a retried job reuses the stored WAV and is not charged again. */
async function musicOnce(deps: PipelineDeps, session: SessionRow, runId: string, genre: "upbeat" | "chill" | "energetic", durationSec: number, dir: string) {
  const workKey = `music:${runId}`;
  const [existing] = await deps.db.select().from(assets).where(and(eq(assets.sessionId, session.id), eq(assets.workKey, workKey)));
  if (existing) return download(deps, existing, dir, "music.wav");

  const model = deps.provider.musicModel;
  const reserved = callMicros(model, durationSec);
  const { call, success } = await paidCall(
    deps,
    { sessionId: session.id, stage: STAGE, agent: "music", model: model.id, workKey },
    reserved,
    () => model.compose({ genre, durationSec, seed: session.consistencySeed ?? 0 }),
  );
  const id = randomUUID();
  const storageKey = `sessions/${session.id}/audio/${id}.wav`;
  const stored = await deps.storage.put(storageKey, call.output.bytes, { contentType: call.output.contentType });
  const row = await commitAsset(
    deps.db,
    { id, sessionId: session.id, type: "audio", storageKey, contentType: call.output.contentType, byteSize: stored.size, workKey, duration: call.output.durationSec, metadata: { genre, runId }, costMicros: success.costMicros, model: call.model, generationMs: success.durationMs },
    success,
  );
  if (!row) await deps.storage.delete(storageKey);
  const file = path.join(dir, "music.wav");
  await writeFile(file, call.output.bytes);
  return file;
}

export async function runComposeJob(deps: PipelineDeps, data: { sessionId: string; runId: string }, finalAttempt: boolean) {
  const { sessionId, runId } = data;
  const attempt = await beginAttempt(deps, data, STAGE);
  if (!attempt) return;
  const { session, progress } = attempt;

  try {
    const request = composeFinalVideoInput.parse({ ...session.lastRequest, sessionId });
    const order = session.clipOrder;
    const clipRows = await deps.db.select().from(assets).where(and(eq(assets.sessionId, sessionId), eq(assets.type, "video"), inArray(assets.id, order)));
    const clips = order.map((id) => clipRows.find((c) => c.id === id)).filter((c): c is AssetRow => Boolean(c));
    if (clips.length === 0) {
      throw new PipelineError("PRECONDITION_FAILED", "None of the ordered clips exist any more.");
    }
    const stills = await deps.db
      .select()
      .from(assets)
      .where(and(eq(assets.sessionId, sessionId), eq(assets.type, "image"), eq(assets.approved, true)));

    await withTempDir(async (dir) => {
      await progress.report(3, "Gathering your clips…");
      const clipInputs = await Promise.all(
        clips.map(async (clip, i) => ({
          file: await download(deps, clip, dir, `clip-${i}.mp4`),
          durationSec: clip.duration ?? 0,
          analysis: (clip.metadata as { analysis?: ClipAnalysis }).analysis,
        })),
      );
      const stillFiles = await Promise.all(stills.slice(0, 4).map((s, i) => download(deps, s, dir, `still-${i}.png`)));
      const timeline = planTimeline({ clips: clipInputs, introDurationSec: request.introDuration, outroDurationSec: request.outroDuration });

      let musicFile: string | null = null;
      if (request.audio.enabled) {
        await progress.report(8, `Composing a ${request.audio.genre} music bed…`);
        musicFile = await musicOnce(deps, session, runId, request.audio.genre, timeline.totalDurationSec, dir);
      }

      const outputFile = path.join(dir, "final.mp4");
      const started = performance.now();
      const result = await composeAd(
        {
          clips: clipInputs,
          stills: stillFiles,
          productName: request.textOverlay.productName,
          cta: request.textOverlay.cta,
          font: request.textOverlay.font,
          color: request.textOverlay.color,
          introDurationSec: request.introDuration,
          outroDurationSec: request.outroDuration,
          aspectRatio: request.aspectRatio,
          musicFile,
          outputFile,
        },
        { onProgress: (p) => void progress.report(10 + Math.round(p.percent * 0.85), p.message) },
      );
      const elapsedMs = Math.round(performance.now() - started);

      await progress.report(97, "Saving your video…");
      const id = randomUUID();
      const storageKey = `sessions/${sessionId}/final/${id}.mp4`;
      const bytes = await readFile(outputFile);
      await deps.storage.put(storageKey, bytes, { contentType: "video/mp4" });
      const row = await commitAsset(
        deps.db,
        {
          id,
          sessionId,
          type: "final_video",
          storageKey,
          contentType: "video/mp4",
          byteSize: bytes.length,
          workKey: `final:${runId}`,
          duration: result.durationSec,
          width: result.width,
          height: result.height,
          fps: result.fps,
          metadata: { runId, request: { textOverlay: request.textOverlay, audio: request.audio, aspectRatio: request.aspectRatio, introDuration: request.introDuration, outroDuration: request.outroDuration }, hasAudio: result.hasAudio, videoCodec: result.videoCodec, profile: result.profile, pixFmt: result.pixFmt },
          costMicros: 0,
          model: "ffmpeg/libx264",
          generationMs: elapsedMs,
        },
        { sessionId, stage: STAGE, agent: "compositor", model: "ffmpeg/libx264", costMicros: 0, durationMs: elapsedMs, success: true, workKey: `final:${runId}`, reservedMicros: 0 },
      );
      if (!row) await deps.storage.delete(storageKey);
      const finalId = row?.id ?? (await deps.db.select({ id: assets.id }).from(assets).where(and(eq(assets.sessionId, sessionId), eq(assets.workKey, `final:${runId}`))))[0]?.id;
      await progress.flush();
      const mb = (bytes.length / (1024 * 1024)).toFixed(1);
      await completeRun(deps, data, STAGE, "complete", `Your ${result.durationSec.toFixed(1)} s ad is ready (${result.width}×${result.height}, ${mb} MB).`, { finalVideoAssetId: finalId });
    });
  } catch (error) {
    const reason = userFacingError(error, STAGE);
    await settleFailedAttempt(deps, data, STAGE, progress, error, reason, finalAttempt);
  }
}
