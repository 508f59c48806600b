/*
 * The timeline preview: the same whole-frame layout the compositor renders
 * (packages/compositor/src/timeline.ts, `planTimeline`), recomputed here because that module
 * lives beside ffmpeg code the browser cannot load. timeline.test.ts checks both agree.
 */
const FPS = 30;
const MIN_TRANSITION_FRAMES = 9;
const MAX_TRANSITION_FRAMES = 15;
const toFrames = (seconds: number) => Math.max(1, Math.round(seconds * FPS));

export interface TimelinePart {
  kind: "intro" | "clip" | "outro";
  /** Seconds this part is on screen, crossfades included. */
  duration: number;
  clipId?: string;
}

export function previewTimeline(input: {
  clips: { id: string; duration: number }[];
  introDuration: number;
  outroDuration: number;
}) {
  const intro = toFrames(input.introDuration);
  const outro = toFrames(input.outroDuration);
  const clips = input.clips.map((clip) => toFrames(clip.duration));
  const limits = [
    Math.floor(intro / 2),
    Math.floor(outro / 2),
    ...clips.map((frames) => Math.floor(frames * 0.4)),
  ];
  const overlap = Math.min(
    MAX_TRANSITION_FRAMES,
    Math.max(MIN_TRANSITION_FRAMES, Math.min(...limits)),
  );
  const parts: TimelinePart[] = [
    { kind: "intro", duration: intro / FPS },
    ...input.clips.map((clip, i) => ({
      kind: "clip" as const,
      duration: clips[i]! / FPS,
      clipId: clip.id,
    })),
    { kind: "outro", duration: outro / FPS },
  ];
  const frames = intro + outro + clips.reduce((a, b) => a + b, 0) - overlap * (parts.length - 1);
  return { parts, transitionSec: overlap / FPS, totalSec: frames / FPS };
}
