export {
  createLocalVideoModel,
  LOCAL_VIDEO_MODEL_ID,
  CLIP_ENCODER,
  writeClipFrames,
} from "./local-video-model";
export { planCameraPath, type CameraPath, type Quad } from "./camera-path";
