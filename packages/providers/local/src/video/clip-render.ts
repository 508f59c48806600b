import { writeFile } from "node:fs/promises";
import path from "node:path";
import { detectCapabilities, MediaError, probeMedia } from "@adgen/media";
import { sceneSchema, type VideoModel } from "@adgen/agents";
import { cameraMoveGraph } from "./camera-move-graph";
import { clipSize, stillImageExtension, stillImageSize } from "./still-image";

export type AnimateRequest = Parameters<VideoModel["animate"]>[0];

/** What one clip's ffmpeg run needs: the still on disk, the clip's size and frame count. */
export interface ClipRender {
  stillFile: string;
  width: number;
  height: number;
  frameCount: number;
  fps: number;
  graph: (analysis?: { width: number; height: number }) => string;
}

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

async function requireFilters() {
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
}

/**
 * Checks the request, writes the still into `dir` and plans the clip. The still's size comes
 * from its header (one process start-up less per clip); ffprobe only when the header is not
 * one we read.
 */
export async function planClipRender(req: AnimateRequest, dir: string): Promise<ClipRender> {
  const extension = checkRequest(req);
  await requireFilters();
  const stillFile = path.join(dir, `still.${extension}`);
  await writeFile(stillFile, req.image);
  const source = stillImageSize(req.image) ?? (await probeMedia(stillFile, { signal: req.signal }));
  if (!source.width || !source.height)
    throw new MediaError("BAD_INPUT", "The still has no picture");
  const size = clipSize(source.width, source.height);
  // Whole frames only: the clip is exactly frameCount / fps long.
  const frameCount = Math.max(2, Math.round(req.durationSec * req.fps));
  return {
    stillFile,
    ...size,
    frameCount,
    fps: req.fps,
    graph: (analysis) =>
      cameraMoveGraph({
        scene: req.scene,
        seed: req.seed,
        frameCount,
        fps: req.fps,
        ...size,
        analysis,
      }),
  };
}
