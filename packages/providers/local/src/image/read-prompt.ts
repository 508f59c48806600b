import { type ViewType } from "@adgen/schemas";
import { type ProductCategory } from "@adgen/agents";
import { type MaterialEntry } from "../parser/material-table";
import { detectMoods, readProductTraits } from "../parser/product-traits";
import { type NamedColour } from "../parser/colour-table";
import { type StyleMood } from "../parser/style-table";
import { PROMPT_PREFIX, STYLE_LABEL } from "../parser/view-prompts";
import { detectVariant } from "./variants";

/** What the renderer takes from a request: only what a text-to-image model is given. */
export interface RenderBrief {
  category: ProductCategory;
  variant: string;
  colours: NamedColour[];
  materials: MaterialEntry[];
  moods: StyleMood[];
  view: ViewType;
  seed: number;
  /** Things the negative prompt asks to leave out. */
  avoid: { reflection: boolean; props: boolean };
}

/**
 * The product is the prompt's first sentence ("Studio product photograph of …"); the rest
 * says the view and the style. Prompts from elsewhere without that shape are read whole.
 */
export function splitPrompt(prompt: string): { subject: string; rest: string } {
  const body = prompt.trim();
  const start = body.toLowerCase().startsWith(PROMPT_PREFIX.toLowerCase())
    ? PROMPT_PREFIX.length
    : 0;
  const end = body.indexOf(". ", start);
  if (end < 0) return { subject: body.slice(start), rest: "" };
  return { subject: body.slice(start, end), rest: body.slice(end + 2) };
}

function styleSection(rest: string): string {
  const at = rest.indexOf(STYLE_LABEL);
  if (at < 0) return "";
  const end = rest.indexOf(".", at);
  return rest.slice(at + STYLE_LABEL.length, end < 0 ? undefined : end);
}

export function readPrompt(request: {
  prompt: string;
  negativePrompt: string;
  viewType: ViewType;
  seed: number;
}): RenderBrief {
  const { subject, rest } = splitPrompt(request.prompt);
  const traits = readProductTraits(subject);
  const negative = request.negativePrompt.toLowerCase();
  return {
    category: traits.category,
    variant: detectVariant(traits.category, subject),
    colours: traits.colours,
    materials: traits.materials,
    // Style words first (the user chose them), then moods the description itself implies.
    moods: [...new Set([...detectMoods(styleSection(rest)), ...traits.moods])],
    view: request.viewType,
    seed: request.seed,
    avoid: { reflection: /\breflections?\b/.test(negative), props: /\bprops\b/.test(negative) },
  };
}
