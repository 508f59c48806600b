export { createLocalVideoModel, LOCAL_VIDEO_MODEL_ID } from "./local-video-model";
export { planCameraPath, type CameraPath, type Quad } from "./camera-path";
