export { createLocalVideoAnalyst, LOCAL_VIDEO_ANALYST_ID } from "./local-video-analyst";
export { analyseClipFile } from "./analyse-clip";
