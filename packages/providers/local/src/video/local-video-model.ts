import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  detectCapabilities,
  h264OutputOptions,
  isMediaError,
  MediaError,
  probeMedia,
  runFfmpeg,
  withTempDir,
} from "@adgen/media";
import { ModelCallError, sceneSchema, type VideoModel } from "@adgen/agents";
import { cameraMoveGraph } from "./camera-move-graph";
import { clipSize, stillImageExtension } from "./still-image";

export const LOCAL_VIDEO_MODEL_ID = "local/camera-move-v1";

type AnimateRequest = Parameters<VideoModel["animate"]>[0];
type AnimateOutput = Awaited<ReturnType<VideoModel["animate"]>>["output"];

function checkRequest(req: AnimateRequest): string {
  const scene = sceneSchema.safeParse(req.scene);
  if (!scene.success) {
    const issue = scene.error.issues[0];
    throw new MediaError("BAD_INPUT", `Invalid scene ${issue?.path.join(".")}: ${issue?.message}`);
  }
  if (!(req.durationSec > 0 && req.durationSec <= 30))
    throw new MediaError("BAD_INPUT", "A clip lasts 0–30 seconds");
  if (!(req.fps >= 1 && req.fps <= 60))
    throw new MediaError("BAD_INPUT", "A clip runs at 1–60 frames per second");
  const extension = stillImageExtension(req.image);
  if (!extension) throw new MediaError("BAD_INPUT", "The still must be a PNG, JPEG or WebP image");
  return extension;
}

async function animate(req: AnimateRequest): Promise<AnimateOutput> {
  const extension = checkRequest(req);
  const capabilities = await detectCapabilities();
  if (
    !capabilities.filters.perspective ||
    !capabilities.filters.loop ||
    !capabilities.encoders.libx264
  ) {
    throw new MediaError(
      "UNSUPPORTED",
      `This ffmpeg (${capabilities.version}) lacks perspective, loop or libx264`,
    );
  }
  return withTempDir(async (dir) => {
    const still = path.join(dir, `still.${extension}`);
    const output = path.join(dir, "clip.mp4");
    await writeFile(still, req.image);
    const source = await probeMedia(still, { signal: req.signal });
    if (!source.width || !source.height)
      throw new MediaError("BAD_INPUT", "The still has no picture");
    const size = clipSize(source.width, source.height);
    // Whole frames only: the clip is exactly frameCount / fps long.
    const frameCount = Math.max(2, Math.round(req.durationSec * req.fps));
    await runFfmpeg({
      inputs: [{ file: still }],
      filterGraph: cameraMoveGraph({
        scene: req.scene,
        seed: req.seed,
        frameCount,
        fps: req.fps,
        ...size,
      }),
      outputOptions: [
        "-map",
        "[v]",
        "-an",
        ...h264OutputOptions({ fps: req.fps, crf: 18, frameCount }),
      ],
      output,
      expectedDurationSec: frameCount / req.fps,
      signal: req.signal,
    });
    const info = await probeMedia(output, { signal: req.signal });
    return {
      bytes: await readFile(output),
      contentType: "video/mp4" as const,
      width: info.width ?? size.width,
      height: info.height ?? size.height,
      fps: info.fps ?? req.fps,
      durationSec: info.durationSec ?? frameCount / req.fps,
    };
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
