import { writeFile } from "node:fs/promises";
import path from "node:path";
import { isMediaError, withTempDir } from "@adgen/media";
import { clipAnalysisSchema, ModelCallError, type VideoAnalystModel } from "@adgen/agents";
import { analyseClipFile } from "./analyse-clip";
import { renderedAnalysisOf } from "./rendered-analysis";

export const LOCAL_VIDEO_ANALYST_ID = "local/frame-stats-v1";

/**
 * The offline video analyst: per-second motion, brightness, dominant colour and product box
 * measured from decoded pixels, plus the quietest third for overlays. Free and deterministic.
 * A clip the local video model has just rendered comes with its analysis already made from
 * the rendered frames, so it is not decoded again.
 */
export function createLocalVideoAnalyst(): VideoAnalystModel {
  return {
    id: LOCAL_VIDEO_ANALYST_ID,
    async analyse(req) {
      const started = performance.now();
      try {
        const analysis =
          renderedAnalysisOf(req.video) ??
          (await withTempDir(async (dir) => {
            const file = path.join(dir, "clip.mp4");
            await writeFile(file, req.video);
            return analyseClipFile(file, req.signal);
          }));
        return {
          output: clipAnalysisSchema.parse(analysis),
          costUsd: 0,
          durationMs: Math.round(performance.now() - started),
          model: LOCAL_VIDEO_ANALYST_ID,
        };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw Object.assign(
          new ModelCallError(`Analysing the clip failed: ${message}`, {
            model: LOCAL_VIDEO_ANALYST_ID,
            costUsd: 0,
            durationMs: Math.round(performance.now() - started),
            retryable: isMediaError(error, "TIMEOUT"),
          }),
          { cause: error },
        );
      }
    },
  };
}
