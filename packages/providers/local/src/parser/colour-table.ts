import { termTable } from "./text-match";

export interface NamedColour {
  name: string;
  hex: string;
  /** Other ways people write it. */
  aliases?: readonly string[];
}

/**
 * Colour words a product description uses, with the hex a designer would pick for a
 * studio render. "cream" is left out on purpose: it names a jar product far more often.
 */
export const COLOURS: readonly NamedColour[] = [
  { name: "black", hex: "#141416" },
  { name: "jet black", hex: "#0B0B0D" },
  { name: "matte black", hex: "#232326", aliases: ["matt black", "satin black"] },
  { name: "white", hex: "#F4F4F1", aliases: ["pure white", "snow white"] },
  { name: "off white", hex: "#ECE6D9", aliases: ["eggshell"] },
  { name: "ivory", hex: "#F2E8D2", aliases: ["pearl"] },
  { name: "red", hex: "#C62828", aliases: ["cherry red", "scarlet"] },
  { name: "crimson", hex: "#A8142E" },
  { name: "burgundy", hex: "#74202D", aliases: ["wine red", "oxblood"] },
  { name: "maroon", hex: "#6B1624" },
  { name: "coral", hex: "#F06A5A" },
  { name: "pink", hex: "#F09AB6" },
  { name: "blush", hex: "#E6B3B3", aliases: ["blush pink", "dusty pink"] },
  { name: "hot pink", hex: "#E33A8F" },
  { name: "magenta", hex: "#C2185B" },
  { name: "fuchsia", hex: "#D3338A" },
  { name: "orange", hex: "#EE6C0E", aliases: ["tangerine"] },
  { name: "peach", hex: "#F6B28C", aliases: ["apricot"] },
  { name: "yellow", hex: "#F5C518", aliases: ["lemon", "sunflower"] },
  { name: "mustard", hex: "#CF9E1A" },
  { name: "gold", hex: "#D4AF37", aliases: ["golden"] },
  { name: "rose gold", hex: "#B76E79" },
  { name: "champagne", hex: "#E3C9A5" },
  { name: "beige", hex: "#D8C6A5", aliases: ["nude", "oatmeal"] },
  { name: "sand", hex: "#CCB68E", aliases: ["stone"] },
  { name: "tan", hex: "#C19A6B" },
  { name: "camel", hex: "#B5834C" },
  { name: "cognac", hex: "#9A4E1C" },
  { name: "brown", hex: "#6B4A39", aliases: ["chestnut"] },
  { name: "chocolate", hex: "#4A2D22", aliases: ["espresso", "dark brown"] },
  { name: "green", hex: "#2E8B57" },
  { name: "forest green", hex: "#1F5130", aliases: ["dark green", "hunter green"] },
  { name: "emerald", hex: "#0E8A5F", aliases: ["emerald green"] },
  { name: "olive", hex: "#6B7A36", aliases: ["olive green", "khaki"] },
  { name: "sage", hex: "#9DAF89", aliases: ["sage green"] },
  { name: "mint", hex: "#98DFC2", aliases: ["mint green"] },
  { name: "teal", hex: "#0F7C80" },
  { name: "turquoise", hex: "#2BB8AA", aliases: ["aqua"] },
  { name: "cyan", hex: "#1FB5CC" },
  { name: "sky blue", hex: "#7CC4EE", aliases: ["light blue", "baby blue"] },
  { name: "blue", hex: "#1E5BC6" },
  { name: "royal blue", hex: "#2646C7", aliases: ["cobalt", "cobalt blue"] },
  { name: "navy", hex: "#1B2A4A", aliases: ["navy blue"] },
  { name: "midnight blue", hex: "#171C3A", aliases: ["midnight"] },
  { name: "indigo", hex: "#3E3C98" },
  { name: "purple", hex: "#6A3FA0" },
  { name: "violet", hex: "#7E4FC8" },
  { name: "lavender", hex: "#B6A5DF" },
  { name: "lilac", hex: "#C7A1C9", aliases: ["mauve"] },
  { name: "grey", hex: "#8A8D92", aliases: ["gray"] },
  { name: "light grey", hex: "#C8CBD0", aliases: ["light gray", "silver grey"] },
  { name: "charcoal", hex: "#36393E", aliases: ["dark grey", "dark gray"] },
  { name: "graphite", hex: "#44474D" },
  { name: "space grey", hex: "#5A5D63", aliases: ["space gray"] },
  { name: "gunmetal", hex: "#4A4E56" },
  { name: "slate", hex: "#5A6674" },
  { name: "silver", hex: "#C3C7CC" },
  { name: "chrome", hex: "#DADDE1" },
  { name: "copper", hex: "#B8733E" },
  { name: "bronze", hex: "#9E6E38" },
  { name: "amber", hex: "#C47C0C" },
];

export const colourTable = termTable(COLOURS, (colour) => [colour.name, ...(colour.aliases ?? [])]);
