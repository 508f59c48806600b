export { createLocalVideoAnalyst, LOCAL_VIDEO_ANALYST_ID } from "./local-video-analyst";
export { analyseClipFile, analyseFrames, analysisFrameSize } from "./analyse-clip";
export { rememberRenderedAnalysis } from "./rendered-analysis";
