import { decodeRawFrames } from "@adgen/media";
import type { ClipAnalysis } from "@adgen/agents";
import { fitBackdrop, productMaskFromBackdrop } from "./backdrop-model";
import {
  dominantColour,
  meanAbsDifference,
  meanBrightness,
  productBox,
  toHex,
  type RgbFrame,
} from "./frame-stats";
import { productPerThird, quietestRegion, type Region } from "./quiet-region";

/** Small enough to analyse in milliseconds, large enough to place a product within a few percent. */
export const ANALYSIS_WIDTH = 96;
const round = (value: number, digits = 4) => Number(value.toFixed(digits));

/** The analysis frame size for a clip: ANALYSIS_WIDTH wide, the clip's aspect, even sides. */
export function analysisFrameSize(clip: { width: number; height: number }) {
  const width = Math.max(2, Math.round(ANALYSIS_WIDTH / 2) * 2);
  const height = Math.max(2, Math.round((width * clip.height) / clip.width / 2) * 2);
  return { width, height };
}

/** A clip's frames, small and RGB24, as the analysis reads them. */
export interface AnalysisFrames {
  width: number;
  height: number;
  fps: number;
  durationSec: number;
  frames: Uint8Array[];
}

/**
 * Describes a clip second by second from its frames: each second is judged on its middle
 * frame, and its motion on the change from its first frame to the next second's first frame
 * (or the clip's last).
 */
export function analyseFrames(clip: AnalysisFrames): ClipAnalysis {
  const frames: RgbFrame[] = clip.frames.map((data) => ({
    data,
    width: clip.width,
    height: clip.height,
  }));
  const lastIndex = frames.length - 1;
  if (lastIndex < 0) throw new Error("The clip has no frames");
  const frameAt = (index: number) =>
    frames[Math.min(lastIndex, Math.max(0, Math.round(index)))] as RgbFrame;

  const secondCount = Math.max(1, Math.ceil(clip.durationSec - 1e-3));
  const totals: Record<Region, number> = { bottom: 0, top: 0, right: 0, left: 0 };
  const seconds: ClipAnalysis["seconds"] = [];
  for (let second = 0; second < secondCount; second += 1) {
    const startIndex = Math.min(lastIndex, second * clip.fps);
    const endIndex = Math.min(lastIndex, (second + 1) * clip.fps);
    const middle = frameAt((startIndex + endIndex) / 2);
    const motion =
      endIndex > startIndex
        ? meanAbsDifference(frameAt(startIndex), frameAt(endIndex))
        : meanAbsDifference(frameAt(Math.max(0, startIndex - clip.fps)), frameAt(startIndex));
    const mask = productMaskFromBackdrop(fitBackdrop(middle));
    const perThird = productPerThird(mask, middle.width, middle.height);
    for (const region of Object.keys(totals) as Region[]) totals[region] += perThird[region];
    const box = productBox(mask, middle.width, middle.height);
    seconds.push({
      t: second,
      motion: round(Math.min(1, motion)),
      brightness: round(meanBrightness(middle)),
      dominantColor: toHex(dominantColour(middle)),
      productBox: { x: round(box.x), y: round(box.y), w: round(box.w), h: round(box.h) },
    });
  }
  return {
    durationSec: round(clip.durationSec, 3),
    seconds,
    quietRegion: quietestRegion(totals),
  };
}

/**
 * Describes any clip file: every frame is decoded (H.264 must decode them all anyway) at
 * ANALYSIS_WIDTH and analysed. Clips the local video model rendered skip this: it analyses
 * the same small frames while rendering (rendered-analysis.ts).
 */
export async function analyseClipFile(file: string, signal?: AbortSignal): Promise<ClipAnalysis> {
  const decoded = await decodeRawFrames({ file, width: ANALYSIS_WIDTH, signal });
  return analyseFrames(decoded);
}
