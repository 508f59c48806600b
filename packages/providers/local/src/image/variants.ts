import { type ProductCategory } from "@adgen/agents";
import { findTerms, termTable } from "../parser/text-match";

/** Shapes within a category, picked by words in the prompt ("serum" → a dropper bottle). */
const VARIANT_WORDS: Record<ProductCategory, Record<string, readonly string[]>> = {
  shoe: {
    boot: ["boot", "chelsea", "hiking"],
    heel: ["heels", "stiletto", "pump", "pumps"],
    sneaker: [],
  },
  watch: { smart: ["smartwatch", "smart watch", "fitness tracker", "digital"], analog: [] },
  bottle: {
    perfume: ["perfume", "fragrance", "cologne", "parfum", "eau de toilette", "eau de parfum"],
    dropper: ["serum", "dropper", "essence", "face oil", "tincture"],
    wine: [
      "wine",
      "whisky",
      "whiskey",
      "gin",
      "vodka",
      "rum",
      "beer",
      "liquor",
      "spirits",
      "olive oil",
      "hot sauce",
      "kombucha",
    ],
    sport: ["water bottle", "flask", "tumbler", "insulated", "thermos", "sports bottle"],
    standard: [],
  },
  jar: { candle: ["candle"], cosmetic: [] },
  box: { gift: ["gift", "present", "ribbon"], package: [] },
  can: { soda: [] },
  bag: { backpack: ["backpack", "rucksack"], tote: ["tote", "shopper"], handbag: [] },
  headphones: {
    earbuds: ["earbuds", "earbud", "earphones", "earphone", "airpods", "in ear", "ear buds"],
    overear: [],
  },
  phone: { tablet: ["tablet"], phone: [] },
  generic: { device: [] },
};

const tables = Object.fromEntries(
  Object.entries(VARIANT_WORDS).map(([category, variants]) => [
    category,
    termTable(Object.keys(variants), (variant) => variants[variant] ?? []),
  ]),
) as Record<ProductCategory, ReturnType<typeof termTable<string>>>;

/** The first variant the text names, else the category's default (its last entry). */
export function detectVariant(category: ProductCategory, text: string): string {
  const named = findTerms(text, tables[category])[0];
  if (named) return named.entry;
  const variants = Object.keys(VARIANT_WORDS[category]);
  return variants[variants.length - 1] ?? "default";
}
