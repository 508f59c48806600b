import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { composeAd, planTimeline, requestedLook, type ComposeResult } from "@adgen/compositor";
import {
  findAssetByWorkKey,
  listApprovedAssets,
  listSessionAssetsByIds,
  parseAssetMetadata,
  type AssetRow,
  type SessionRow,
} from "@adgen/db";
import { withTempDir } from "@adgen/media";
import type { MusicGenre } from "@adgen/schemas";
import type { PipelineDeps } from "../deps";
import { PipelineError } from "../errors";
import { callMicros, commitUnit, paidCall } from "../ledger";
import type { JobAttempt, RunningAttempt } from "../step-types";
import { runAttempt } from "./run-guard";
import { storedRequest } from "./stored-request";

async function download(deps: PipelineDeps, asset: AssetRow, file: string) {
  await writeFile(file, await deps.storage.getBytes(asset.storageKey));
  return file;
}

/**
 * The music bed for this run, made once and written to `file`: a retried job reuses the
 * stored WAV and is not charged again.
 */
async function musicOnce(
  deps: PipelineDeps,
  attempt: RunningAttempt,
  session: SessionRow,
  music: { genre: MusicGenre; durationSec: number },
  file: string,
) {
  const workKey = `music:${attempt.runId}`;
  const existing = await findAssetByWorkKey(deps.db, session.id, workKey);
  if (existing) return download(deps, existing, file);

  const model = deps.provider.musicModel;
  const stage = attempt.flow.running;
  const line = { sessionId: session.id, stage, agent: "music", model: model.id, workKey };
  const reserved = callMicros(model, music.durationSec);
  const call = await paidCall(deps, attempt, line, reserved, (options) =>
    model.compose({ ...music, seed: session.consistencySeed ?? 0, ...options }),
  );
  const { bytes, contentType } = call.output;
  await commitUnit(deps, attempt, {
    sessionId: session.id,
    stage,
    workKey,
    kind: "audio",
    file: { bytes, contentType, extension: contentType === "audio/mpeg" ? "mp3" : "wav" },
    asset: {
      duration: call.output.durationSec,
      metadata: { genre: music.genre, runId: attempt.runId },
    },
    charges: [{ agent: "music", billed: call, reservedMicros: reserved }],
  });
  await writeFile(file, bytes);
  return file;
}

export async function runComposeJob(deps: PipelineDeps, job: JobAttempt) {
  const { sessionId, runId } = job;
  await runAttempt(deps, job, async (session, progress, attempt) => {
    const { step: _, ...request } = storedRequest(session, "composeFinalVideo");
    const order = session.clipOrder;
    const clipRows = await listSessionAssetsByIds(deps.db, sessionId, "video", order);
    const clips = order.flatMap((id) => clipRows.filter((c) => c.id === id));
    if (clips.length === 0) {
      throw new PipelineError("PRECONDITION_FAILED", "None of the ordered clips exist any more.");
    }
    const stills = await listApprovedAssets(deps.db, sessionId, "image");

    return withTempDir(async (dir) => {
      await progress.report(3, "Gathering your clips…");
      const clipInputs = clips.map((clip, i) => ({
        file: path.join(dir, `clip-${i}.mp4`),
        durationSec: clip.duration ?? 0,
        analysis: parseAssetMetadata(clip, "video").analysis,
      }));
      const timeline = planTimeline({
        clips: clipInputs,
        introDurationSec: request.introDuration,
        outroDurationSec: request.outroDuration,
      });

      // The music (the model's seconds of CPU, in the pool) is made while the clips are
      // fetched and checked and the text rendered; composeAd reads it once it is written.
      let musicFile: string | null = null;
      let music: Promise<string> | null = null;
      if (request.audio.enabled) {
        const { genre } = request.audio;
        await progress.report(8, `Composing a ${genre} music bed…`);
        const bed = { genre, durationSec: timeline.totalDurationSec };
        musicFile = path.join(dir, "music.wav");
        music = musicOnce(deps, attempt, session, bed, musicFile);
        music.catch(() => undefined);
      }

      const outputFile = path.join(dir, "final.mp4");
      let started = 0;
      let result: ComposeResult;
      try {
        await Promise.all(
          clipInputs.map((input, i) => download(deps, clips[i] as AssetRow, input.file)),
        );
        const stillFiles = await Promise.all(
          stills.slice(0, 4).map((s, i) => download(deps, s, path.join(dir, `still-${i}.png`))),
        );
        started = performance.now();
        result = await composeAd(
          {
            clips: clipInputs,
            stills: stillFiles,
            ...requestedLook(request),
            musicFile,
            outputFile,
          },
          {
            onProgress: (p) => void progress.report(10 + Math.round(p.percent * 0.85), p.message),
            signal: attempt.signal,
            musicReady: music ?? undefined,
          },
        );
      } catch (error) {
        // The music's own failure comes first, as when it was made before everything else;
        // either way it has settled (charged or not) before the attempt ends.
        await music;
        throw error;
      }
      const durationMs = performance.now() - started;

      await progress.report(97, "Saving your video…");
      const bytes = await readFile(outputFile);
      const { hasAudio, videoCodec, profile, pixFmt } = result;
      const final = await commitUnit(deps, attempt, {
        sessionId,
        stage: attempt.flow.running,
        workKey: `final:${runId}`,
        kind: "final_video",
        file: { bytes, contentType: "video/mp4", extension: "mp4" },
        asset: {
          duration: result.durationSec,
          width: result.width,
          height: result.height,
          fps: result.fps,
          metadata: { runId, request, hasAudio, videoCodec, profile, pixFmt },
        },
        // Our own ffmpeg costs nothing, but the ledger lists every step that ran.
        charges: [
          {
            agent: "compositor",
            billed: { model: "ffmpeg/libx264", costUsd: 0, durationMs },
            reservedMicros: 0,
          },
        ],
      });
      const mb = (bytes.length / (1024 * 1024)).toFixed(1);
      const size = `${result.width}×${result.height}, ${mb} MB`;
      return {
        message: `Your ${result.durationSec.toFixed(1)} s ad is ready (${size}).`,
        patch: { finalVideoAssetId: final.id },
      };
    });
  });
}
