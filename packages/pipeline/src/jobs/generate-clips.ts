import { writeFile } from "node:fs/promises";
import path from "node:path";
import { runUnitBatch, type ModelCall } from "@adgen/agents";
import {
  findSessionById,
  listApprovedAssets,
  listDoneWorkKeys,
  parsePlan,
  type AssetRow,
  type SessionRow,
} from "@adgen/db";
import { probeMedia, withTempDir } from "@adgen/media";
import { clipAnalysisSchema, sceneSchema, type ClipAnalysis, type Scene } from "@adgen/schemas";
import { z } from "zod";
import type { PipelineDeps } from "../deps";
import {
  callMicros,
  commitPlan,
  commitUnit,
  markRecorded,
  paidCall,
  recordFailedCall,
  billingRecorder,
  openCall,
  recordUnkept,
  reserve,
  RunLostError,
} from "../ledger";
import type { JobAttempt, RunningAttempt } from "../step-types";
import { userFacingError } from "../user-facing-error";
import { requireSession, runAttempt } from "./run-guard";
import { storedRequest } from "./stored-request";

const FPS = 30;

/**
 * Plans the scenes once per run: a retried job reuses the stored plan and is not charged
 * again. The plan and its cost line are saved together, so a crash cannot split them.
 */
async function planScenesOnce(
  deps: PipelineDeps,
  attempt: RunningAttempt,
  session: SessionRow,
  images: AssetRow[],
): Promise<Scene[]> {
  const { runId } = attempt;
  const stored = parsePlan(session);
  if (stored.clipRunId === runId && stored.scenes) return stored.scenes;
  const request = storedRequest(session, "generateClips");
  const model = deps.provider.scenePlanner;
  const line = {
    sessionId: session.id,
    stage: attempt.flow.running,
    agent: "scene_planner",
    model: model.id,
    workKey: `plan:${runId}`,
  };
  const reserved = callMicros(model);
  const call = await paidCall(deps, attempt, line, reserved, async (options) => {
    const answer = await model.plan({
      videoPrompt: request.videoPrompt,
      productDescription: stored.parsedPrompt?.productDescription ?? session.productPrompt ?? "",
      images: images.map((i) => ({ imageId: i.id, viewType: i.viewType ?? "front" })),
      ...options,
    });
    return { ...answer, output: z.array(sceneSchema).parse(answer.output) };
  });
  const scenes = call.output;
  const plan = { plan: { ...stored, clipRunId: runId, scenes } };
  if ((await commitPlan(deps.db, attempt, line, reserved, call, plan)) === "saved") return scenes;
  // Another attempt of this run saved its plan first: everyone goes on with that one.
  const winner = parsePlan(await findSessionById(deps.db, session.id).then(requireSession));
  if (winner.clipRunId !== runId || !winner.scenes) throw new RunLostError();
  return winner.scenes;
}

interface RenderedClip {
  clip: ModelCall<{ bytes: Buffer }>;
  analysis: ModelCall<ClipAnalysis>;
  info: Awaited<ReturnType<typeof probeMedia>>;
}

export async function runClipJob(deps: PipelineDeps, job: JobAttempt) {
  const { sessionId, runId } = job;
  const stage = job.flow.running;
  await runAttempt(deps, job, async (session, progress, attempt) => {
    const request = storedRequest(session, "generateClips");
    const images = await listApprovedAssets(deps.db, sessionId, "image");
    await progress.report(3, "Planning a scene for each image…");
    const scenes = await planScenesOnce(deps, attempt, session, images);
    const byImage = new Map(scenes.map((s) => [s.imageId, s]));
    const workKey = (imageId: string) => `clip:${runId}:${imageId}`;
    const done = await listDoneWorkKeys(deps.db, sessionId, "video");
    let finished = images.filter((i) => done.has(workKey(i.id))).length;
    const percent = () => 10 + Math.round((85 * finished) / images.length);
    await progress.report(10, `Animating ${images.length} clips of ${request.clipDuration} s…`);

    const video = deps.provider.videoModel;
    const analyst = deps.provider.videoAnalyst;
    const duration = request.clipDuration;
    const reserved = callMicros(video, duration) + callMicros(analyst, duration);
    const clipLine = (imageId: string) => ({
      sessionId,
      stage,
      agent: "video_generator",
      model: video.id,
      workKey: workKey(imageId),
    });

    const summary = await runUnitBatch<AssetRow, RenderedClip>(
      images,
      deps.callConcurrency,
      async (image) => {
        const scene = byImage.get(image.id);
        if (!scene) throw new Error(`No scene was planned for image ${image.id}.`);
        const still = await deps.storage.getBytes(image.storageKey);
        const seed = session.consistencySeed ?? 0;
        const clip = await video.animate({
          image: still,
          scene,
          durationSec: duration,
          fps: FPS,
          seed,
          signal: attempt.signal,
          onBillable: billingRecorder(deps.db, attempt, clipLine(image.id)),
        });
        let analysis: ModelCall<ClipAnalysis> | null = null;
        const analystLine = {
          sessionId,
          stage,
          agent: "video_analyst",
          model: analyst.id,
          workKey: `analysis:${runId}:${image.id}`,
        };
        try {
          // Its money was reserved with the clip; its line is written before it is paid.
          await openCall(deps.db, attempt, analystLine);
          const answer = await analyst.analyse({
            video: clip.output.bytes,
            signal: attempt.signal,
            onBillable: billingRecorder(deps.db, attempt, analystLine),
          });
          analysis = { ...answer, output: clipAnalysisSchema.parse(answer.output) };
          // Trust the file, not the model's word: probe what was actually made.
          const info = await withTempDir(async (dir) => {
            const file = path.join(dir, "clip.mp4");
            await writeFile(file, clip.output.bytes);
            return probeMedia(file);
          });
          return { clip, analysis, info };
        } catch (error) {
          // The clip was rendered and paid, and so was the analysis if it answered: each call
          // gets its own line though the unit failed.
          const why = "Not kept: a later step of its clip failed.";
          await recordUnkept(deps.db, attempt, clipLine(image.id), reserved, clip, why);
          if (analysis) await recordUnkept(deps.db, attempt, analystLine, 0, analysis, why);
          else await recordFailedCall(deps.db, attempt, analystLine, 0, error);
          markRecorded(error);
          throw error;
        }
      },
      {
        isDone: async (image) => done.has(workKey(image.id)),
        beforeCall: async (image) => reserve(deps, attempt, reserved, clipLine(image.id)),
        onSuccess: async (image, _index, { clip, analysis, info }) => {
          const scene = byImage.get(image.id);
          if (!scene) throw new Error(`No scene was planned for image ${image.id}.`);
          await commitUnit(deps, attempt, {
            sessionId,
            stage,
            workKey: workKey(image.id),
            kind: "video",
            file: { bytes: clip.output.bytes, contentType: "video/mp4", extension: "mp4" },
            asset: {
              sourceImageId: image.id,
              viewType: image.viewType,
              duration: info.durationSec,
              width: info.width,
              height: info.height,
              fps: info.fps,
              metadata: { scene, analysis: analysis.output, runId },
            },
            charges: [
              { agent: "video_generator", billed: clip, reservedMicros: reserved },
              {
                agent: "video_analyst",
                billed: analysis,
                reservedMicros: 0,
                workKey: `analysis:${runId}:${image.id}`,
              },
            ],
          });
          finished++;
          await progress.report(percent(), `Generated clip ${finished} of ${images.length}…`);
        },
        onFailure: async (image, _index, error) => {
          // A lost run stops quietly: no call was made, and the run is not this attempt's.
          if (error instanceof RunLostError) return;
          const line = { sessionId, stage, agent: "video_generator", model: video.id };
          const unitLine = { ...line, workKey: workKey(image.id) };
          await recordFailedCall(deps.db, attempt, unitLine, reserved, error);
          await progress.report(percent(), `A clip failed: ${userFacingError(error, stage)}`);
        },
      },
    );

    const note = summary.failed > 0 ? ` (${summary.failed} failed)` : "";
    const ready = summary.succeeded + summary.skipped;
    return { message: `${ready} clips ready${note}. Approve and order them.` };
  });
}
