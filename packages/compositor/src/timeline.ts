import type { ComposeInput } from "./compose-input";

/** Every output is 30 fps; all times below are whole frames at this rate. */
export const OUTPUT_FPS = 30;

const MIN_TRANSITION_FRAMES = 9; // 0.3 s
const MAX_TRANSITION_FRAMES = 15; // 0.5 s

export interface TimelineSegment {
  kind: "intro" | "clip" | "outro";
  /** Where the segment starts in the output, in seconds (it overlaps its neighbours by transitionSec). */
  start: number;
  duration: number;
  startFrame: number;
  frames: number;
  /** The clip's position in the input, for kind "clip". */
  clipIndex?: number;
}

export interface Timeline {
  totalDurationSec: number;
  totalFrames: number;
  transitionSec: number;
  transitionFrames: number;
  segments: TimelineSegment[];
}

export type TimelineInput = Pick<ComposeInput, "clips" | "introDurationSec" | "outroDurationSec">;

const toFrames = (seconds: number) => Math.max(1, Math.round(seconds * OUTPUT_FPS));

/**
 * The crossfade must leave every segment some time of its own: cards overlap one neighbour,
 * clips two, so a clip may give at most 40 % of itself to each side and a card half of itself.
 */
function transitionFrames(cardFrames: number[], clipFrames: number[]): number {
  const limits = [
    ...cardFrames.map((frames) => Math.floor(frames / 2)),
    ...clipFrames.map((frames) => Math.floor(frames * 0.4)),
  ];
  return Math.min(MAX_TRANSITION_FRAMES, Math.max(MIN_TRANSITION_FRAMES, Math.min(...limits)));
}

/**
 * Lays the ad out on whole frames: intro card, the clips in order, outro card, each
 * crossfading into the next. Offsets come from the exact (trimmed) lengths, so no clip can be
 * pushed past the end and dropped; total = intro + clips + outro − transitions.
 */
export function planTimeline(input: TimelineInput): Timeline {
  const intro = toFrames(input.introDurationSec);
  const outro = toFrames(input.outroDurationSec);
  const clips = input.clips.map((clip) => toFrames(clip.durationSec));
  const overlap = transitionFrames([intro, outro], clips);
  const plan: Omit<TimelineSegment, "start" | "duration" | "startFrame">[] = [
    { kind: "intro", frames: intro },
    ...clips.map((frames, clipIndex) => ({ kind: "clip" as const, frames, clipIndex })),
    { kind: "outro", frames: outro },
  ];
  let startFrame = 0;
  const segments = plan.map((segment) => {
    const placed: TimelineSegment = {
      ...segment,
      startFrame,
      start: startFrame / OUTPUT_FPS,
      duration: segment.frames / OUTPUT_FPS,
    };
    startFrame += segment.frames - overlap;
    return placed;
  });
  const totalFrames = startFrame + overlap;
  return {
    totalFrames,
    totalDurationSec: totalFrames / OUTPUT_FPS,
    transitionFrames: overlap,
    transitionSec: overlap / OUTPUT_FPS,
    segments,
  };
}
