export { createLocalProvider } from "./provider";
export { CLIP_ENCODER, writeClipFrames } from "./video/index";
export { closeCpuPool, defineCpuTask } from "./pool/index";
export { renderImageTask } from "./image/render-task";
