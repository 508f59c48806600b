import { termTable } from "./text-match";

/** How a material looks under studio light; the renderer shades by this. */
export const FINISHES = [
  "metal",
  "glass",
  "matte",
  "gloss",
  "leather",
  "fabric",
  "wood",
  "ceramic",
  "plastic",
  "paper",
] as const;
export type Finish = (typeof FINISHES)[number];

export interface MaterialEntry {
  name: string;
  aliases: readonly string[];
  finish: Finish;
}

/**
 * Metals that are also colour words (gold, silver, chrome, copper, bronze) live in the
 * colour table only: the colour already says "metal" to the renderer, and listing them
 * twice would put a colour word in the description's materials.
 */
export const MATERIALS: readonly MaterialEntry[] = [
  {
    name: "leather",
    aliases: ["nappa", "full grain", "vegan leather", "patent leather"],
    finish: "leather",
  },
  { name: "suede", aliases: ["nubuck"], finish: "fabric" },
  {
    name: "glass",
    aliases: ["crystal", "clear", "transparent", "frosted", "frosted glass"],
    finish: "glass",
  },
  { name: "aluminium", aliases: ["aluminum", "anodized", "anodised"], finish: "metal" },
  { name: "steel", aliases: ["stainless", "stainless steel", "brushed steel"], finish: "metal" },
  { name: "titanium", aliases: [], finish: "metal" },
  { name: "brass", aliases: [], finish: "metal" },
  { name: "metal", aliases: ["metallic", "plated", "sterling", "chromed"], finish: "metal" },
  { name: "ceramic", aliases: ["porcelain", "stoneware"], finish: "ceramic" },
  { name: "marble", aliases: [], finish: "ceramic" },
  { name: "matte", aliases: ["matt", "satin", "soft touch"], finish: "matte" },
  {
    name: "gloss",
    aliases: ["glossy", "high gloss", "lacquered", "lacquer", "shiny", "polished"],
    finish: "gloss",
  },
  { name: "canvas", aliases: [], finish: "fabric" },
  { name: "cotton", aliases: [], finish: "fabric" },
  { name: "mesh", aliases: ["knit", "flyknit", "breathable"], finish: "fabric" },
  { name: "nylon", aliases: ["polyester", "ripstop"], finish: "fabric" },
  { name: "denim", aliases: [], finish: "fabric" },
  { name: "velvet", aliases: ["velour"], finish: "fabric" },
  { name: "wool", aliases: ["felt", "cashmere"], finish: "fabric" },
  { name: "plastic", aliases: ["acrylic", "polycarbonate", "abs"], finish: "plastic" },
  { name: "rubber", aliases: [], finish: "matte" },
  { name: "silicone", aliases: [], finish: "matte" },
  { name: "carbon fibre", aliases: ["carbon fiber"], finish: "matte" },
  {
    name: "wood",
    aliases: ["wooden", "oak", "walnut", "bamboo", "maple", "teak", "cedar"],
    finish: "wood",
  },
  {
    name: "cardboard",
    aliases: ["kraft", "paper", "paperboard", "recycled paper"],
    finish: "paper",
  },
];

export const materialTable = termTable(MATERIALS, (material) => [
  material.name,
  ...material.aliases,
]);

export function materialEntry(name: string): MaterialEntry | undefined {
  return MATERIALS.find((material) => material.name === name);
}
