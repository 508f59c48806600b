import type { Scene } from "@adgen/agents";
import { planCameraPath, type Quad } from "./camera-path";
import { gradeFilters } from "./colour-grade";

export interface CameraMoveGraphInput {
  scene: Pick<Scene, "cameraMove" | "intensity" | "grade">;
  seed: number;
  frameCount: number;
  fps: number;
  width: number;
  height: number;
  /**
   * Also output the same frames small and RGB24 as `[analysis]`, for the analyst: one render
   * feeds both the encoder and the analysis, so the clip is never decoded again.
   */
  analysis?: { width: number; height: number };
}

const CORNER_AXES = ["W", "H", "W", "H", "W", "H", "W", "H"] as const;
const CORNER_NAMES = ["x0", "y0", "x1", "y1", "x2", "y2", "x3", "y3"] as const;

const number = (value: number) => value.toFixed(6);

/**
 * Progress through the move for the current frame. `on` counts from 1 in perspective (checked
 * on ffmpeg 4.1 and 5.1). Part linear, part sine ease: starts and ends softly but never stops,
 * so a crossfade into the next clip does not look like a pause.
 */
function easedProgress(frameCount: number): string {
  const p = `min((on-1)/${Math.max(1, frameCount - 1)},1)`;
  return `(0.4*${p}+0.3*(1-cos(PI*${p})))`;
}

function cornerExpressions(from: Quad, to: Quad, frameCount: number): string {
  const eased = easedProgress(frameCount);
  return CORNER_NAMES.map((name, i) => {
    const start = from[i] ?? 0;
    const delta = (to[i] ?? 0) - start;
    return `${name}='${CORNER_AXES[i]}*(${number(start)}+${number(delta)}*${eased})'`;
  }).join(":");
}

/**
 * The whole filtergraph for one clip: scale and grade the still once, convert once, loop that
 * single decoded frame (MEDIA.md: no zoompan, whose rounding makes the image shake), then move
 * the camera with `perspective` evaluated per frame with cubic sampling.
 */
export function cameraMoveGraph(input: CameraMoveGraphInput): string {
  const path = planCameraPath(input.scene.cameraMove, input.scene.intensity, input.seed);
  const grade = gradeFilters(input.scene.grade);
  const still = [
    `scale=${input.width}:${input.height}:flags=lanczos`,
    "setsar=1",
    ...grade.still,
    "format=yuv420p",
    `loop=loop=${input.frameCount - 1}:size=1:start=0`,
    `settb=1/${input.fps}`,
    "setpts=N",
  ];
  const move = `perspective=${cornerExpressions(path.from, path.to, input.frameCount)}:interpolation=cubic:eval=frame`;
  const frames = [...still, move, ...grade.frame, "format=yuv420p"].join(",");
  if (!input.analysis) return `[0:v]${frames}[v]`;
  // Area scaling from the yuv420p frames, as the analyst's decoder does from the clip.
  const { width, height } = input.analysis;
  return [
    `[0:v]${frames},split=2[v][analysis_in]`,
    `[analysis_in]scale=${width}:${height}:flags=area,format=rgb24[analysis]`,
  ].join(";");
}
