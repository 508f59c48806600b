import type { ClipFraming } from "./clip-framing";
import { alphaFadeFilters, loopedStill, type FadeWindow } from "./fade-window";
import type { PlacedImage } from "./overlay-images";
import type { FrameSize } from "./output-format";

export interface ClipGraphInput {
  /** Index used to name this clip's labels. */
  index: number;
  /** ffmpeg input index of the clip file. */
  clipInput: number;
  framing: ClipFraming;
  frames: number;
  size: FrameSize;
  /** The product-name title drawn over this clip, from a looped PNG input. */
  title?: { input: PlacedImage; inputIndex: number; fades: FadeWindow };
  output: string;
}

/** Clones the last frame for a source a frame or two short of its stated length (rounding). */
const PAD_FRAMES = 3;

/**
 * Exact length at the output rate first, on the source's own (smaller) frames: reset the start
 * time, resample to 30 fps (24 fps sources repeat frames), pad a rounding shortfall, cut.
 */
function timing(frames: number): string[] {
  return [
    "setpts=PTS-STARTPTS",
    "fps=30",
    `tpad=stop_mode=clone:stop=${PAD_FRAMES}`,
    `trim=end_frame=${frames}`,
    "settb=1/30",
    "setpts=N",
  ];
}

const cropFilter = (c: { x: number; y: number; width: number; height: number }) =>
  `crop=${c.width}:${c.height}:${c.x}:${c.y}`;

/** Size, SAR and pixel format: crop-and-scale, or the clip fitted over its own blurred fill. */
function framingGraph(input: ClipGraphInput, from: string, to: string): string[] {
  const { framing, size } = input;
  const name = `c${input.index}`;
  if (framing.kind === "crop") {
    return [
      `[${from}]${cropFilter(framing.crop)},scale=${size.width}:${size.height}:flags=bicubic,setsar=1,format=yuv420p[${to}]`,
    ];
  }
  // The fill is blurred at 1/8 size and scaled back up: a soft, cheap backdrop that moves
  // with the clip, dimmed so the sharp picture stands out.
  const smallWidth = Math.round(size.width / 16) * 2;
  const smallHeight = Math.round(size.height / 16) * 2;
  const { fit } = framing;
  return [
    `[${from}]split=2[${name}_fg][${name}_fillsrc]`,
    `[${name}_fillsrc]${cropFilter(framing.crop)},scale=${smallWidth}:${smallHeight}:flags=fast_bilinear,boxblur=luma_radius=6:luma_power=2:chroma_radius=4:chroma_power=2,lutyuv=y=val*0.7,scale=${size.width}:${size.height}:flags=bilinear,setsar=1[${name}_fill]`,
    `[${name}_fg]scale=${fit.width}:${fit.height}:flags=bicubic,setsar=1[${name}_fit]`,
    `[${name}_fill][${name}_fit]overlay=x=${fit.x}:y=${fit.y}:format=yuv420,format=yuv420p[${to}]`,
  ];
}

/**
 * The frames where the title is at least partly visible. The title stream covers only these
 * (overlay passes frames before its first and after its last untouched), so invisible frames
 * cost no blending.
 */
function titleWindow(fades: FadeWindow, frames: number) {
  const start = fades.fadeIn?.start ?? 0;
  const end = fades.fadeOut ? fades.fadeOut.start + fades.fadeOut.frames : frames;
  const shift = (fade?: { start: number; frames: number }) =>
    fade && { start: fade.start - start, frames: fade.frames };
  return {
    start,
    frames: Math.max(1, end - start),
    fades: { fadeIn: shift(fades.fadeIn), fadeOut: shift(fades.fadeOut) },
  };
}

/** One clip, normalised to the output and with its title, as the stream `output`. */
export function clipGraph(input: ClipGraphInput): string[] {
  const name = `c${input.index}`;
  const framed = input.title ? `${name}_framed` : input.output;
  const lines = [
    `[${input.clipInput}:v]${timing(input.frames).join(",")}[${name}_timed]`,
    ...framingGraph(input, `${name}_timed`, framed),
  ];
  if (input.title) {
    const { title } = input;
    const window = titleWindow(title.fades, input.frames);
    lines.push(
      `[${title.inputIndex}:v]format=yuva420p,${loopedStill(window.frames, alphaFadeFilters(window.fades))},setpts=PTS+${window.start}[${name}_title]`,
      `[${framed}][${name}_title]overlay=x=${title.input.x}:y=${title.input.y}:format=yuv420:eof_action=pass[${input.output}]`,
    );
  }
  return lines;
}
