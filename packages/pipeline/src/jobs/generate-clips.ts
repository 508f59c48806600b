import { randomUUID } from "node:crypto";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { runUnitBatch, sceneSchema, type ClipAnalysis, type Scene } from "@adgen/agents";
import {
  and,
  asc,
  assets,
  eq,
  parsePlan,
  sessions,
  type AssetRow,
  type SessionRow,
} from "@adgen/db";
import { probeMedia, withTempDir } from "@adgen/media";
import { generateClipsInput, usdToMicros } from "@adgen/schemas";
import { z } from "zod";
import type { PipelineDeps } from "../deps";
import { callMicros } from "../estimates";
import { commitAsset, recordCost, reserveBudget, type CostLine } from "../ledger";
import { userFacingError } from "../user-facing-error";
import { beginAttempt, completeRun, doneWorkKeys, settleFailedAttempt } from "./run-guard";
import { paidCall } from "./paid-call";
import { recordFailedCall } from "./unit-costs";

const STAGE = "clip_generation" as const;
const FPS = 30;

async function planScenesOnce(deps: PipelineDeps, session: SessionRow, runId: string, images: AssetRow[]): Promise<Scene[]> {
  const stored = parsePlan(session);
  if (stored.clipRunId === runId && stored.scenes) return stored.scenes;
  const request = generateClipsInput.parse({ ...session.lastRequest, sessionId: session.id });
  const model = deps.provider.scenePlanner;
  const { call, success } = await paidCall(
    deps,
    { sessionId: session.id, stage: STAGE, agent: "scene_planner", model: model.id, workKey: `plan:${runId}` },
    callMicros(model),
    () =>
      model.plan({
        videoPrompt: request.videoPrompt,
        productDescription: stored.parsedPrompt?.productDescription ?? session.productPrompt ?? "",
        images: images.map((i) => ({ imageId: i.id, viewType: i.viewType ?? "front" })),
      }),
  );
  const scenes = z.array(sceneSchema).parse(call.output);
  await recordCost(deps.db, success);
  await deps.db
    .update(sessions)
    .set({ plan: { ...stored, clipRunId: runId, scenes } })
    .where(eq(sessions.id, session.id));
  return scenes;
}

interface RenderedClip {
  bytes: Buffer;
  lines: Omit<CostLine, "sessionId" | "stage" | "workKey" | "reservedMicros">[];
  info: Awaited<ReturnType<typeof probeMedia>>;
  scene: Scene;
  analysis: ClipAnalysis;
  model: string;
  costUsd: number;
  durationMs: number;
}

export async function runClipJob(deps: PipelineDeps, data: { sessionId: string; runId: string }, finalAttempt: boolean) {
  const { sessionId, runId } = data;
  const attempt = await beginAttempt(deps, data, STAGE);
  if (!attempt) return;
  const { session, progress } = attempt;
  const publish = (percent: number, message: string) => progress.report(percent, message);

  try {
    const request = generateClipsInput.parse({ ...session.lastRequest, sessionId });
    const images = await deps.db
      .select()
      .from(assets)
      .where(and(eq(assets.sessionId, sessionId), eq(assets.type, "image"), eq(assets.approved, true)))
      .orderBy(asc(assets.createdAt), asc(assets.id));
    await publish(3, "Planning a scene for each image…");
    const scenes = await planScenesOnce(deps, session, runId, images);
    const byImage = new Map(scenes.map((s) => [s.imageId, s]));
    const workKey = (imageId: string) => `clip:${runId}:${imageId}`;
    const done = await doneWorkKeys(deps, sessionId, "video");
    let finished = images.filter((i) => done.has(workKey(i.id))).length;
    await publish(10, `Animating ${images.length} clips of ${request.clipDuration} s…`);

    const video = deps.provider.videoModel;
    const analyst = deps.provider.videoAnalyst;
    const reserved = callMicros(video, request.clipDuration) + callMicros(analyst, request.clipDuration);

    const summary = await runUnitBatch<AssetRow, RenderedClip>(
      images,
      deps.callConcurrency,
      async (image) => {
        const scene = byImage.get(image.id);
        if (!scene) throw new Error(`No scene was planned for image ${image.id}.`);
        const still = await deps.storage.getBytes(image.storageKey);
        const clip = await video.animate({ image: still, scene, durationSec: request.clipDuration, fps: FPS, seed: session.consistencySeed ?? 0 });
        const analysis = await analyst.analyse({ video: clip.output.bytes });
        // Trust the file, not the model's word: probe what was actually made.
        const info = await withTempDir(async (dir) => {
          const file = path.join(dir, "clip.mp4");
          await writeFile(file, clip.output.bytes);
          return probeMedia(file);
        });
        return {
          bytes: clip.output.bytes,
          info,
          scene,
          analysis: analysis.output,
          model: clip.model,
          costUsd: clip.costUsd + analysis.costUsd,
          durationMs: clip.durationMs + analysis.durationMs,
          lines: [
            { agent: "video_generator", model: clip.model, costMicros: usdToMicros(clip.costUsd), durationMs: Math.round(clip.durationMs), success: true },
            { agent: "video_analyst", model: analysis.model, costMicros: usdToMicros(analysis.costUsd), durationMs: Math.round(analysis.durationMs), success: true },
          ],
        };
      },
      {
        isDone: async (image) => done.has(workKey(image.id)),
        beforeCall: async () => reserveBudget(deps.db, sessionId, reserved),
        onSuccess: async (image, _index, clip) => {
          const id = randomUUID();
          const storageKey = `sessions/${sessionId}/clips/${id}.mp4`;
          const stored = await deps.storage.put(storageKey, clip.bytes, { contentType: "video/mp4" });
          const [videoLine, analystLine] = clip.lines;
          const row = await commitAsset(
            deps.db,
            {
              id,
              sessionId,
              type: "video",
              storageKey,
              contentType: "video/mp4",
              byteSize: stored.size,
              workKey: workKey(image.id),
              sourceImageId: image.id,
              viewType: image.viewType,
              duration: clip.info.durationSec,
              width: clip.info.width,
              height: clip.info.height,
              fps: clip.info.fps,
              metadata: { scene: clip.scene, analysis: clip.analysis, runId },
              costMicros: usdToMicros(clip.costUsd),
              model: clip.model,
              generationMs: Math.round(clip.durationMs),
            },
            [
              { ...videoLine!, sessionId, stage: STAGE, workKey: workKey(image.id), reservedMicros: reserved },
              { ...analystLine!, sessionId, stage: STAGE, workKey: `analysis:${runId}:${image.id}`, reservedMicros: 0 },
            ],
          );
          if (!row) await deps.storage.delete(storageKey);
          finished++;
          await publish(10 + Math.round((85 * finished) / images.length), `Generated clip ${finished} of ${images.length}…`);
        },
        onFailure: async (image, _index, error) => {
          await recordFailedCall(
            deps,
            { sessionId, stage: STAGE, agent: "video_generator", model: video.id, workKey: workKey(image.id), reservedMicros: reserved },
            error,
          );
          const reason = userFacingError(error, STAGE);
          const percent = 10 + Math.round((85 * finished) / images.length);
          await publish(percent, `A clip failed: ${reason}`);
        },
      },
    );

    await progress.flush();
    const note = summary.failed > 0 ? ` (${summary.failed} failed)` : "";
    await completeRun(deps, data, STAGE, "clip_selection", `${summary.succeeded + summary.skipped} clips ready${note}. Approve and order them.`);
  } catch (error) {
    const reason = userFacingError(error, STAGE);
    await settleFailedAttempt(deps, data, STAGE, progress, error, reason, finalAttempt);
  }
}
