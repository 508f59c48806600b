export { createLocalProvider } from "./provider";
export { CLIP_ENCODER, writeClipFrames } from "./video/index";
