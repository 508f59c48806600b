import { type CategoryEntry } from "./category-table";
import { COLOURS, type NamedColour } from "./colour-table";
import { type MaterialEntry, materialEntry } from "./material-table";

/**
 * The user's words made safe to embed in a prompt sentence: one line, no sentence breaks
 * (the image model takes the first sentence as the product), no "Style:" label.
 */
export function cleanProductText(text: string): string {
  const oneLine = text
    .replace(/\s+/g, " ")
    .replace(/style:/gi, "style")
    .replace(/[.!?;]+(?=\s|$)/g, ",")
    .replace(/[\s,]+$/, "")
    .trim();
  // "Red shoe" → "red shoe", but "LED lamp" keeps its capitals.
  return /^[A-Z][a-z]/.test(oneLine) ? oneLine[0]!.toLowerCase() + oneLine.slice(1) : oneLine;
}

export function defaultColours(category: CategoryEntry, seed: number): NamedColour[] {
  const palette = category.palettes[seed % category.palettes.length] ?? [];
  return palette.map((name) => {
    const colour = COLOURS.find((candidate) => candidate.name === name);
    if (!colour) throw new Error(`Palette colour "${name}" is not in the colour table`);
    return colour;
  });
}

export function defaultMaterials(category: CategoryEntry): MaterialEntry[] {
  return category.materials.map((name) => {
    const material = materialEntry(name);
    if (!material) throw new Error(`Default material "${name}" is not in the material table`);
    return material;
  });
}

function joinWithAnd(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/**
 * One sentence that names the product, its colours and materials in the table's words,
 * so any reader of the prompt (the local image model included) finds the same traits.
 */
export function describeProduct(input: {
  productText: string;
  noun: string;
  colours: readonly NamedColour[];
  materials: readonly MaterialEntry[];
}): string {
  const colours = joinWithAnd(input.colours.map((colour) => colour.name));
  const surfaces = input.materials.filter((material) => SURFACE_FINISHES.has(material.name));
  const substances = input.materials.filter((material) => !SURFACE_FINISHES.has(material.name));
  const parts = [`${input.productText}, ${withArticle(input.noun)} in ${colours}`];
  if (substances.length > 0)
    parts.push(`made of ${joinWithAnd(substances.map((material) => material.name))}`);
  if (surfaces.length > 0)
    parts.push(`with a ${joinWithAnd(surfaces.map((material) => material.name))} finish`);
  return parts.join(", ");
}

/** "matte" and "gloss" describe a surface, not what the thing is made of. */
const SURFACE_FINISHES = new Set(["matte", "gloss"]);

// Plural-only nouns ("headphones", "heels") read as "a pair of …".
function withArticle(noun: string): string {
  if (/[^s]s$/.test(noun)) return `a pair of ${noun}`;
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
