import type { AspectRatio } from "@adgen/schemas";
import {
  mapToOutput,
  planClipFraming,
  productExtent,
  type ClipFraming,
  type SourceGeometry,
} from "./clip-framing";
import type { ParsedComposeInput } from "./compose-input";
import { TEXT_FADE_FRAMES, type FadeWindow } from "./fade-window";
import { outputSize, type FrameSize } from "./output-format";
import { planTimeline, type Timeline } from "./timeline";
import { chooseTitleRegion, type TitleRegion } from "./title-placement";

export interface ClipPlan {
  frames: number;
  framing: ClipFraming;
  titleRegion: TitleRegion;
  titleFades: FadeWindow;
}

export interface CompositionPlan {
  size: FrameSize;
  timeline: Timeline;
  clips: ClipPlan[];
}

/** A beat after a crossfade ends before the title moves, so it never fights the transition. */
const SETTLE_FRAMES = 3;

/**
 * The title stays up across consecutive clips that put it in the same place (their crossfade
 * blends two identical titles, so it holds still) and fades out and in where the place changes.
 */
function titleFades(
  regions: TitleRegion[],
  index: number,
  frames: number,
  transition: number,
): FadeWindow {
  const room = frames - 2 * (transition + SETTLE_FRAMES);
  // Short clips get quicker fades, so the title still holds for at least half its time.
  const fade = Math.max(1, Math.min(TEXT_FADE_FRAMES, Math.floor(room / 4)));
  const inStart = Math.min(transition + SETTLE_FRAMES, frames - 2 * fade);
  const entering = index === 0 || regions[index - 1] !== regions[index];
  const leaving = index === regions.length - 1 || regions[index + 1] !== regions[index];
  return {
    ...(entering ? { fadeIn: { start: Math.max(0, inStart), frames: fade } } : {}),
    ...(leaving
      ? {
          fadeOut: { start: Math.max(0, frames - transition - SETTLE_FRAMES - fade), frames: fade },
        }
      : {}),
  };
}

/** Decides everything about the ad before any filter is written: timing, framing, title places. */
export function planComposition(
  input: Pick<ParsedComposeInput, "clips" | "introDurationSec" | "outroDurationSec">,
  aspectRatio: AspectRatio,
  sources: SourceGeometry[],
): CompositionPlan {
  const size = outputSize(aspectRatio);
  const timeline = planTimeline(input);
  const framed = input.clips.map((clip, index) => {
    const source = sources[index] as SourceGeometry;
    const product = productExtent(clip.analysis, clip.durationSec);
    const framing = planClipFraming(source, size, product);
    const boxes = (clip.analysis?.seconds ?? [])
      .filter((second) => second.t < clip.durationSec && second.productBox.w > 0)
      .map((second) => mapToOutput(second.productBox, framing, source, size));
    return { framing, region: chooseTitleRegion(clip.analysis, boxes, size) };
  });
  const regions = framed.map((clip) => clip.region);
  const clipSegments = timeline.segments.filter((segment) => segment.kind === "clip");
  return {
    size,
    timeline,
    clips: framed.map((clip, index) => {
      const frames = clipSegments[index]?.frames ?? 0;
      return {
        frames,
        framing: clip.framing,
        titleRegion: clip.region,
        titleFades: titleFades(regions, index, frames, timeline.transitionFrames),
      };
    }),
  };
}
