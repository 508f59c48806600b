import { z } from "zod";
import { type ParsedPrompt, parsedPromptSchema } from "@adgen/agents";
import { categoryEntry, categoryNounTable } from "./category-table";
import { consistencySeed } from "./consistency-seed";
import {
  cleanProductText,
  defaultColours,
  defaultMaterials,
  describeProduct,
} from "./describe-product";
import { readProductTraits } from "./product-traits";
import { styleTable } from "./style-table";
import { findTerms, normaliseText } from "./text-match";
import { buildViewPrompts, chooseViews } from "./view-prompts";

export const parseRequestSchema = z.object({
  productPrompt: z.string().trim().min(3).max(200),
  styleKeywords: z.array(z.string().max(30)).max(10).default([]),
  numViews: z.number().int().min(4).max(8),
});
export type ParseRequest = z.input<typeof parseRequestSchema>;

const MAX_COLOURS = 3;

/** Style words the user gave, then mood words from the description, each once. */
function mergeStyleKeywords(userKeywords: readonly string[], productText: string): string[] {
  const fromPrompt = findTerms(productText, styleTable).map((match) => match.phrase);
  const merged = new Map<string, string>();
  for (const keyword of [...userKeywords, ...fromPrompt]) {
    const clean = keyword
      .replace(/[\s.;:]+/g, " ")
      .trim()
      .toLowerCase();
    const key = normaliseText(clean);
    if (key && !merged.has(key)) merged.set(key, clean);
  }
  return [...merged.values()];
}

/** The rule-based prompt parser: the same JSON an LLM would return, from keyword tables. */
export function parseProductPrompt(request: ParseRequest): ParsedPrompt {
  const { productPrompt, styleKeywords, numViews } = parseRequestSchema.parse(request);
  const productText = cleanProductText(productPrompt);
  const seed = consistencySeed(productText);
  const traits = readProductTraits(productText);
  const category = categoryEntry(traits.category);
  const colours =
    traits.colours.length > 0
      ? traits.colours.slice(0, MAX_COLOURS)
      : defaultColours(category, seed);
  const materials = traits.materials.length > 0 ? traits.materials : defaultMaterials(category);
  // Keep the user's own noun ("boot", "tote") rather than the category's generic one.
  const noun = findTerms(productText, categoryNounTable)[0]?.phrase ?? category.noun;
  const description = describeProduct({ productText, noun, colours, materials });
  const keywords = mergeStyleKeywords(styleKeywords, productText);

  return parsedPromptSchema.parse({
    category: traits.category,
    productDescription: description,
    colors: colours.map(({ name, hex }) => ({ name, hex })),
    materials: materials.map((material) => material.name),
    styleKeywords: keywords,
    views: buildViewPrompts({
      description,
      category,
      styleKeywords: keywords,
      views: chooseViews(numViews),
    }),
    consistencySeed: seed,
  });
}
