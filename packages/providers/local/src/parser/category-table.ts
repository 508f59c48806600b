import { type ProductCategory } from "@adgen/agents";
import { termTable } from "./text-match";

export interface CategoryEntry {
  category: ProductCategory;
  /** The noun the canonical description uses; it must be one of `nouns`. */
  noun: string;
  /** Names of the thing itself; the first one in a prompt decides the category. */
  nouns: readonly string[];
  /** Words that suggest the category when no noun is given ("perfume" → bottle). */
  hints: readonly string[];
  /** Palettes (colour names from the colour table) used when the prompt names none. */
  palettes: readonly (readonly string[])[];
  /** Materials assumed when the prompt names none. */
  materials: readonly string[];
  /** The part a close-up frames, and how the product is used, for view prompts. */
  detailSubject: string;
  inUse: string;
}

export const CATEGORIES: readonly CategoryEntry[] = [
  {
    category: "shoe",
    noun: "sneaker",
    nouns: [
      "shoe",
      "sneaker",
      "trainer",
      "running shoe",
      "boot",
      "loafer",
      "sandal",
      "slipper",
      "footwear",
      "kicks",
      "cleat",
      "high top",
      "heels",
      "stiletto",
      "espadrille",
      "moccasin",
    ],
    hints: ["running", "jogging"],
    palettes: [
      ["white", "light grey"],
      ["black", "white"],
      ["navy", "white"],
    ],
    materials: ["mesh", "rubber"],
    detailSubject: "the stitching, laces and sole texture",
    inUse: "worn mid-stride, the foot lifting off the ground",
  },
  {
    category: "watch",
    noun: "watch",
    nouns: ["watch", "smartwatch", "wristwatch", "timepiece", "chronograph", "fitness tracker"],
    hints: ["wrist"],
    palettes: [
      ["silver", "black"],
      ["gold", "brown"],
      ["black", "silver"],
    ],
    materials: ["steel", "glass"],
    detailSubject: "the dial, hands and crown",
    inUse: "worn on a wrist",
  },
  {
    category: "bottle",
    noun: "bottle",
    nouns: ["bottle", "flask", "tumbler", "decanter", "dropper"],
    hints: [
      "perfume",
      "fragrance",
      "cologne",
      "parfum",
      "serum",
      "toner",
      "essence",
      "shampoo",
      "conditioner",
      "lotion",
      "body wash",
      "wine",
      "whisky",
      "whiskey",
      "gin",
      "vodka",
      "rum",
      "beer",
      "olive oil",
      "hot sauce",
      "kombucha",
    ],
    palettes: [
      ["amber", "black"],
      ["champagne", "gold"],
      ["sage", "white"],
    ],
    materials: ["glass"],
    detailSubject: "the cap and the label",
    inUse: "held in a hand",
  },
  {
    category: "jar",
    noun: "jar",
    nouns: ["jar", "pot", "tub", "canister"],
    hints: [
      "cream",
      "candle",
      "moisturizer",
      "moisturiser",
      "balm",
      "salve",
      "scrub",
      "body butter",
      "pomade",
      "wax",
      "honey",
      "jam",
      "face mask",
    ],
    palettes: [
      ["white", "gold"],
      ["blush", "rose gold"],
      ["sage", "ivory"],
    ],
    materials: ["glass"],
    detailSubject: "the lid and the label",
    inUse: "held in a hand, lid in view",
  },
  {
    category: "box",
    noun: "box",
    nouns: ["box", "carton", "package", "packaging", "gift set", "crate"],
    hints: ["gift", "chocolates", "cereal", "kit", "subscription"],
    palettes: [
      ["navy", "gold"],
      ["white", "black"],
      ["forest green", "gold"],
    ],
    materials: ["cardboard"],
    detailSubject: "the corner, edges and printed emblem",
    inUse: "held in two hands, ready to open",
  },
  {
    category: "can",
    noun: "can",
    nouns: ["can", "tin", "soda can"],
    hints: [
      "soda",
      "cola",
      "seltzer",
      "energy drink",
      "sparkling water",
      "lemonade",
      "iced tea",
      "cold brew",
    ],
    palettes: [
      ["red", "silver"],
      ["turquoise", "white"],
      ["black", "yellow"],
    ],
    materials: ["aluminium"],
    detailSubject: "the ring pull and condensation on the rim",
    inUse: "held in a hand",
  },
  {
    category: "bag",
    noun: "bag",
    nouns: [
      "bag",
      "backpack",
      "tote",
      "handbag",
      "purse",
      "clutch",
      "satchel",
      "rucksack",
      "duffel",
      "duffle",
      "briefcase",
      "wallet",
      "crossbody",
      "messenger bag",
    ],
    hints: ["luggage"],
    palettes: [
      ["tan", "gold"],
      ["black", "gold"],
      ["cognac", "brown"],
    ],
    materials: ["leather"],
    detailSubject: "the stitching, clasp and handle",
    inUse: "carried by its handle",
  },
  {
    category: "headphones",
    noun: "headphones",
    nouns: [
      "headphones",
      "headphone",
      "headset",
      "earbuds",
      "earbud",
      "earphones",
      "earphone",
      "airpods",
      "ear buds",
      "in ear monitors",
    ],
    hints: ["noise cancelling", "noise canceling", "audio", "hifi", "over ear"],
    palettes: [
      ["matte black", "silver"],
      ["white", "light grey"],
      ["navy", "rose gold"],
    ],
    materials: ["plastic", "leather"],
    detailSubject: "the ear cushion and the hinge",
    inUse: "worn over the ears",
  },
  {
    category: "phone",
    noun: "smartphone",
    nouns: ["phone", "smartphone", "iphone", "handset", "mobile phone", "cellphone", "tablet"],
    hints: ["android", "mobile"],
    palettes: [
      ["graphite", "silver"],
      ["midnight blue", "silver"],
      ["white", "silver"],
    ],
    materials: ["glass", "aluminium"],
    detailSubject: "the camera module and the edge",
    inUse: "held in a hand, screen glowing",
  },
  {
    category: "generic",
    noun: "product",
    nouns: [],
    hints: [],
    palettes: [
      ["teal", "white"],
      ["coral", "ivory"],
      ["slate", "silver"],
    ],
    materials: ["matte"],
    detailSubject: "the finish and the edges",
    inUse: "held in a hand",
  },
];

export function categoryEntry(category: ProductCategory): CategoryEntry {
  const entry = CATEGORIES.find((candidate) => candidate.category === category);
  if (!entry) throw new Error(`No category entry for ${category}`);
  return entry;
}

export const categoryNounTable = termTable(CATEGORIES, (entry) => entry.nouns);
export const categoryHintTable = termTable(CATEGORIES, (entry) => entry.hints);
