import { type ViewType } from "@adgen/schemas";
import { type ViewPrompt } from "@adgen/agents";
import { type CategoryEntry } from "./category-table";

/** Which views a batch of N gets: the most useful for an ad first. */
const VIEW_PRIORITY: readonly ViewType[] = [
  "front",
  "three_quarter",
  "lifestyle",
  "detail",
  "side",
  "back",
  "top",
  "in_use",
];
/** The order a batch is shown in, like a product page: all-round views, then close-up and scenes. */
const VIEW_DISPLAY_ORDER: readonly ViewType[] = [
  "front",
  "three_quarter",
  "side",
  "back",
  "top",
  "detail",
  "lifestyle",
  "in_use",
];

export function chooseViews(count: number): ViewType[] {
  const chosen = new Set(VIEW_PRIORITY.slice(0, count));
  return VIEW_DISPLAY_ORDER.filter((view) => chosen.has(view));
}

// View sentences avoid colour, material and product words: the image model reads those
// from the description sentence alone, and the view must not change the product.
function viewSentence(view: ViewType, category: CategoryEntry): string {
  switch (view) {
    case "front":
      return "Front view, centered and facing the camera at eye level";
    case "three_quarter":
      return "Three-quarter view from the front left, showing depth and form";
    case "side":
      return "Side profile view, a crisp silhouette";
    case "back":
      return "Back view, showing the rear";
    case "top":
      return "Top-down view from directly above";
    case "detail":
      return `Extreme close-up macro shot of ${category.detailSubject}, shallow depth of field`;
    case "lifestyle":
      return "Lifestyle scene on a tabletop with a plant and a pedestal, daylight through a window";
    case "in_use":
      return `In use, ${category.inUse}, a candid moment`;
  }
}

const BASE_NEGATIVE =
  "blurry, out of focus, low resolution, distorted shape, deformed, duplicate product, extra objects, text, watermark, logo, cropped product, oversaturated, cartoon, illustration, harsh shadows";

const VIEW_NEGATIVE: Record<ViewType, string> = {
  front: "tilted, rotated, cut off",
  three_quarter: "flat frontal view",
  side: "frontal view, perspective distortion",
  back: "front view",
  top: "low angle, horizon",
  detail: "wide shot, whole product in frame",
  lifestyle: "cluttered background, people, faces",
  in_use: "faces, distorted hands, extra fingers",
};

export const PROMPT_PREFIX = "Studio product photograph of";
export const STYLE_LABEL = "Style:";
const QUALITY =
  "Professional commercial photography, seamless backdrop, softbox key light, sharp focus, high detail";

/** One prompt per view; each repeats the description word for word so every image shows the same product. */
export function buildViewPrompts(input: {
  description: string;
  category: CategoryEntry;
  styleKeywords: readonly string[];
  views: readonly ViewType[];
}): ViewPrompt[] {
  const style =
    input.styleKeywords.length > 0 ? ` ${STYLE_LABEL} ${input.styleKeywords.join(", ")}.` : "";
  return input.views.map((viewType) => ({
    viewType,
    prompt: `${PROMPT_PREFIX} ${input.description}. ${viewSentence(viewType, input.category)}.${style} ${QUALITY}.`,
    negativePrompt: `${BASE_NEGATIVE}, ${VIEW_NEGATIVE[viewType]}`,
  }));
}
