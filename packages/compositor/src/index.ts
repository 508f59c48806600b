export {
  composeInputSchema,
  composeClipSchema,
  requestedLook,
  type ComposeInput,
  type ComposeClip,
  type ComposeOptions,
  type ComposeProgress,
  type ComposeResult,
} from "./compose-input";
export { planTimeline, OUTPUT_FPS, type Timeline, type TimelineSegment } from "./timeline";
export {
  validateOverlayText,
  OverlayTextError,
  type OverlayTextCheck,
} from "./validate-overlay-text";
export { composeAd, writeComposedFrames } from "./compose-ad";
export { outputSize } from "./output-format";
export { MUSIC_TARGET } from "./audio-graph";
export { finalVideoOutputOptions } from "./compose-graph";
