import { readFile } from "node:fs/promises";
import path from "node:path";
import {
  fileUrl,
  h264OutputOptions,
  isMediaError,
  MediaError,
  runFfmpeg,
  withTempDir,
} from "@adgen/media";
import { ModelCallError, type ClipAnalysis, type VideoModel } from "@adgen/agents";
import { analyseFrames, analysisFrameSize, rememberRenderedAnalysis } from "../analyst/index";
import { planClipRender, type AnimateRequest } from "./clip-render";

export const LOCAL_VIDEO_MODEL_ID = "local/camera-move-v1";

type AnimateOutput = Awaited<ReturnType<VideoModel["animate"]>>["output"];

/** Clips are intermediates: CRF 18 keeps them clean for the final encode. */
export const CLIP_ENCODER = { crf: 18, preset: "veryfast" } as const;

/** Cuts a raw RGB24 file into frames, checking that the render delivered every one. */
function analysisFrames(raw: Buffer, frameBytes: number, frameCount: number): Buffer[] {
  if (raw.length !== frameBytes * frameCount)
    throw new MediaError("FFMPEG_FAILED", "The render delivered fewer analysis frames than asked");
  return Array.from({ length: frameCount }, (_, i) =>
    raw.subarray(i * frameBytes, (i + 1) * frameBytes),
  );
}

/**
 * One ffmpeg run per clip: the still is decoded, graded and moved once per frame, and each
 * frame goes both to x264 and, 96 px wide, to the analysis, which is measured here and handed
 * to the analyst with the clip (rendered-analysis.ts) instead of decoding the clip again.
 */
async function animate(req: AnimateRequest): Promise<AnimateOutput> {
  return withTempDir(async (dir) => {
    const clip = await planClipRender(req, dir);
    const output = path.join(dir, "clip.mp4");
    const analysisFile = path.join(dir, "analysis.rgb");
    const small = analysisFrameSize(clip);
    const frames = ["-frames:v", String(clip.frameCount), "-r", String(clip.fps)];
    await runFfmpeg({
      inputs: [{ file: clip.stillFile }],
      filterGraph: clip.graph(small),
      // Two outputs of one run: runFfmpeg names the last file, so the clip goes first here.
      outputOptions: [
        "-map",
        "[v]",
        "-an",
        ...h264OutputOptions({ fps: clip.fps, ...CLIP_ENCODER, frameCount: clip.frameCount }),
        fileUrl(output),
        "-map",
        "[analysis]",
        ...frames,
        "-f",
        "rawvideo",
      ],
      output: analysisFile,
      expectedDurationSec: clip.frameCount / clip.fps,
      signal: req.signal,
    });
    const [bytes, raw] = await Promise.all([readFile(output), readFile(analysisFile)]);
    const durationSec = clip.frameCount / clip.fps;
    const analysis: ClipAnalysis = analyseFrames({
      ...small,
      fps: clip.fps,
      durationSec,
      frames: analysisFrames(raw, small.width * small.height * 3, clip.frameCount),
    });
    rememberRenderedAnalysis(bytes, analysis);
    return {
      bytes,
      contentType: "video/mp4" as const,
      width: clip.width,
      height: clip.height,
      fps: clip.fps,
      durationSec,
    };
  });
}

/**
 * The frames `animate` would encode, written raw (yuv420p) to `rawFile` instead: the exact
 * input of the clip's encode, for the benchmark's encode floor (bench/offline).
 */
export async function writeClipFrames(
  req: AnimateRequest,
  rawFile: string,
): Promise<{ width: number; height: number; frames: number; fps: number }> {
  return withTempDir(async (dir) => {
    const clip = await planClipRender(req, dir);
    await runFfmpeg({
      inputs: [{ file: clip.stillFile }],
      filterGraph: clip.graph(),
      outputOptions: [
        "-map",
        "[v]",
        "-an",
        "-frames:v",
        String(clip.frameCount),
        "-r",
        String(clip.fps),
        "-pix_fmt",
        "yuv420p",
        "-f",
        "rawvideo",
      ],
      output: rawFile,
    });
    return { width: clip.width, height: clip.height, frames: clip.frameCount, fps: clip.fps };
  });
}

/**
 * The offline video model: animates a still with a smooth camera move and a colour grade in
 * one ffmpeg pass. Free, deterministic (same request and seed → same bytes).
 */
export function createLocalVideoModel(): VideoModel {
  return {
    id: LOCAL_VIDEO_MODEL_ID,
    async animate(req) {
      const started = performance.now();
      try {
        const output = await animate(req);
        return {
          output,
          costUsd: 0,
          durationMs: Math.round(performance.now() - started),
          model: LOCAL_VIDEO_MODEL_ID,
        };
      } catch (error) {
        const retryable = isMediaError(error, "TIMEOUT");
        const message = error instanceof Error ? error.message : String(error);
        throw Object.assign(
          new ModelCallError(`Animating the still failed: ${message}`, {
            model: LOCAL_VIDEO_MODEL_ID,
            costUsd: 0,
            durationMs: Math.round(performance.now() - started),
            retryable,
          }),
          { cause: error },
        );
      }
    },
  };
}
