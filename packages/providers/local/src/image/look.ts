import { type ProductCategory } from "@adgen/agents";
import { type Finish } from "../parser/material-table";
import { hexToRgb, type Rgb } from "./colour";
import { createRandom } from "./random";
import { type RenderBrief } from "./read-prompt";

/** The product's resolved appearance: which colour and finish each part gets. */
export interface Look {
  category: ProductCategory;
  variant: string;
  /** The main colour, as named first in the prompt. */
  body: Rgb;
  /** The second colour, or a neutral that suits the category. */
  accent: Rgb;
  /** Hardware: a metallic colour from the prompt, else polished silver. */
  trim: Rgb;
  /** Finish of the main surface (first material named). */
  bodyFinish: Finish;
  /** Every finish the prompt names, for parts that prefer one (straps, glass, soles). */
  finishes: Finish[];
  /** True when the first colour is metallic (gold, silver…): the body is drawn as metal. */
  metallicBody: boolean;
  /** True when any metallic colour or metal material was named, so hardware is metal. */
  metalHardware: boolean;
  /** Seeded: small choices such as prop placement stay the same across a batch. */
  random: () => number;
}

const METALLIC_COLOURS = new Set([
  "gold",
  "rose gold",
  "silver",
  "chrome",
  "copper",
  "bronze",
  "gunmetal",
  "champagne",
  "space grey",
]);

/** The second colour a category falls back to when the prompt names only one. */
const NEUTRAL_ACCENT: Record<ProductCategory, string> = {
  shoe: "#F1F0EC",
  watch: "#1E1E20",
  bottle: "#18181A",
  jar: "#D4AF37",
  box: "#D4AF37",
  can: "#D5D8DC",
  bag: "#C9A24A",
  headphones: "#2A2B2E",
  phone: "#C3C7CC",
  generic: "#F2F1EE",
};

const DEFAULT_FINISH: Record<ProductCategory, Finish> = {
  shoe: "fabric",
  watch: "metal",
  bottle: "glass",
  jar: "glass",
  box: "paper",
  can: "metal",
  bag: "leather",
  headphones: "matte",
  phone: "glass",
  generic: "matte",
};

export function resolveLook(brief: RenderBrief): Look {
  const [first, second] = brief.colours;
  const body = first ? hexToRgb(first.hex) : hexToRgb("#8A8D92");
  const accent = second ? hexToRgb(second.hex) : hexToRgb(NEUTRAL_ACCENT[brief.category]);
  const metallic = brief.colours.find((colour) => METALLIC_COLOURS.has(colour.name));
  const finishes = [...new Set(brief.materials.map((material) => material.finish))];
  return {
    category: brief.category,
    variant: brief.variant,
    body,
    accent,
    trim: metallic ? hexToRgb(metallic.hex) : hexToRgb("#C9CDD2"),
    bodyFinish: bodyFinish(
      brief.category,
      finishes,
      first !== undefined && METALLIC_COLOURS.has(first.name),
    ),
    finishes,
    metallicBody: first !== undefined && METALLIC_COLOURS.has(first.name),
    metalHardware: metallic !== undefined || finishes.includes("metal"),
    random: createRandom(brief.seed ^ 0x5f3759df),
  };
}

/**
 * A metal named beside another material is usually hardware ("black bottle with a gold
 * cap"), so the body takes the first non-metal finish; metal bodies come from a metallic
 * first colour or a category that is metal anyway (cans, watches).
 */
function bodyFinish(
  category: ProductCategory,
  finishes: readonly Finish[],
  metallicBody: boolean,
): Finish {
  if (metallicBody) return "metal";
  const nonMetal = finishes.find((finish) => finish !== "metal");
  if (nonMetal) return nonMetal;
  const fallback = DEFAULT_FINISH[category];
  return finishes.includes("metal") &&
    fallback !== "glass" &&
    fallback !== "paper" &&
    fallback !== "leather"
    ? "metal"
    : fallback;
}

export function hasFinish(look: Look, finish: Finish): boolean {
  return look.finishes.includes(finish);
}
