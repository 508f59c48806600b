export { createLocalImageModel, LOCAL_IMAGE_MODEL_ID } from "./studio-image-model";
export { readPrompt, splitPrompt, type RenderBrief } from "./read-prompt";
export { renderStudioImage } from "./render-studio-image";
