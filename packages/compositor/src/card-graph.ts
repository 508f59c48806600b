import type { FrameSize } from "./output-format";
import { alphaFadeFilters, loopedStill, TEXT_FADE_FRAMES } from "./fade-window";
import type { PlacedImage } from "./overlay-images";

export interface CardGraphInput {
  kind: "intro" | "outro";
  /** Input index of the product still the background is made from. */
  stillInput: number;
  /** Input index of the rendered text PNG. */
  textInput: number;
  text: PlacedImage;
  frames: number;
  transitionFrames: number;
  size: FrameSize;
  /** Dark text gets a light background. */
  darkText: boolean;
  vignette: boolean;
  output: string;
}

/**
 * The card background belongs to the ad: the product still blurred into soft colour and dimmed
 * (or lifted, for dark text) so the text reads. It is computed on one frame at a quarter of
 * the size, then looped, so a card costs almost nothing per frame.
 */
function backgroundFilters(input: CardGraphInput): string[] {
  const smallWidth = Math.round(input.size.width / 8) * 2;
  const smallHeight = Math.round(input.size.height / 8) * 2;
  const tone = input.darkText ? "lutyuv=y=val*0.45+135" : "lutyuv=y=val*0.55";
  return [
    `scale=${smallWidth}:${smallHeight}:force_original_aspect_ratio=increase:flags=bicubic`,
    `crop=${smallWidth}:${smallHeight}`,
    "format=yuv420p",
    "boxblur=luma_radius=12:luma_power=3:chroma_radius=10:chroma_power=3",
    tone,
    `scale=${input.size.width}:${input.size.height}:flags=bicubic`,
    ...(input.vignette ? ["vignette=angle=PI/5"] : []),
    "setsar=1",
    "format=yuv420p",
  ];
}

/**
 * The intro shows the text shortly after the ad starts; the outro while the last clip
 * crossfades into it. Both hold the text to the end of the card.
 */
function textFade(input: CardGraphInput) {
  const start = input.kind === "intro" ? 3 : Math.floor(input.transitionFrames / 2);
  const room =
    input.kind === "intro"
      ? input.frames - input.transitionFrames - start
      : input.frames - start - 3;
  return { start, frames: Math.max(1, Math.min(TEXT_FADE_FRAMES, room)) };
}

export function cardGraph(input: CardGraphInput): string[] {
  const bg = `${input.kind}_bg`;
  const text = `${input.kind}_text`;
  return [
    `[${input.stillInput}:v]${[...backgroundFilters(input), loopedStill(input.frames)].join(",")}[${bg}]`,
    `[${input.textInput}:v]format=yuva420p,${loopedStill(input.frames, alphaFadeFilters({ fadeIn: textFade(input) }))}[${text}]`,
    `[${bg}][${text}]overlay=x=${input.text.x}:y=${input.text.y}:format=yuv420,setsar=1[${input.output}]`,
  ];
}
