import type { ViewType } from "@adgen/schemas";
import { readPrompt } from "./read-prompt";
import { renderStudioImage } from "./render-studio-image";

export interface RenderImageInput {
  prompt: string;
  negativePrompt: string;
  viewType: ViewType;
  seed: number;
  width: number;
  height: number;
}

/** One studio render as a pool task: PNG bytes. */
export function renderImageTask(input: RenderImageInput): Buffer {
  return renderStudioImage(readPrompt(input), input.width, input.height);
}
