import { type ProductCategory } from "@adgen/agents";
import { categoryHintTable, categoryNounTable } from "./category-table";
import { colourTable, type NamedColour } from "./colour-table";
import { materialTable, type MaterialEntry } from "./material-table";
import { styleTable, type StyleMood } from "./style-table";
import { findTerms, uniqueEntries } from "./text-match";

/**
 * The product's traits as words in a text say them. The parser reads them from what the
 * user typed; the image model reads them back from the prompt it is given.
 */
export interface ProductTraits {
  category: ProductCategory;
  colours: NamedColour[];
  materials: MaterialEntry[];
  moods: StyleMood[];
}

/**
 * The first noun that names a product wins ("candle in a glass jar" → jar), because the
 * head of the phrase comes first in "X in/with Y"; hint words decide only when no noun does.
 */
export function detectCategory(text: string): ProductCategory {
  const noun = findTerms(text, categoryNounTable)[0];
  if (noun) return noun.entry.category;
  return findTerms(text, categoryHintTable)[0]?.entry.category ?? "generic";
}

export function detectColours(text: string): NamedColour[] {
  return uniqueEntries(findTerms(text, colourTable));
}

export function detectMaterials(text: string): MaterialEntry[] {
  return uniqueEntries(findTerms(text, materialTable));
}

export function detectMoods(text: string): StyleMood[] {
  return uniqueEntries(findTerms(text, styleTable));
}

export function readProductTraits(text: string): ProductTraits {
  return {
    category: detectCategory(text),
    colours: detectColours(text),
    materials: detectMaterials(text),
    moods: detectMoods(text),
  };
}
