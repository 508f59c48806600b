import { termTable } from "./text-match";

/** Moods a prompt or style keyword can ask for; the image model lights and dresses the set by these. */
export const STYLE_MOODS = [
  "minimal",
  "luxury",
  "vibrant",
  "dark",
  "warm",
  "cool",
  "natural",
  "pastel",
  "retro",
] as const;
export type StyleMood = (typeof STYLE_MOODS)[number];

const MOOD_WORDS: Record<StyleMood, readonly string[]> = {
  minimal: [
    "minimal",
    "minimalist",
    "minimalistic",
    "clean",
    "simple",
    "scandinavian",
    "understated",
  ],
  luxury: [
    "luxury",
    "luxurious",
    "premium",
    "elegant",
    "high end",
    "upscale",
    "sophisticated",
    "opulent",
    "exclusive",
  ],
  vibrant: [
    "vibrant",
    "bold",
    "colorful",
    "colourful",
    "playful",
    "pop art",
    "bright",
    "energetic",
    "fun",
    "neon",
  ],
  dark: ["dark", "moody", "noir", "dramatic", "low key", "cinematic"],
  warm: ["warm", "sunset", "golden hour", "cozy", "cosy", "autumn", "sunny"],
  cool: ["cool", "tech", "techy", "futuristic", "sleek", "icy", "sci fi", "cyber"],
  natural: ["natural", "organic", "eco", "earthy", "botanical", "sustainable"],
  pastel: ["pastel", "dreamy", "airy"],
  retro: ["retro", "vintage", "nostalgic", "70s", "80s", "90s"],
};

export const styleTable = termTable(STYLE_MOODS, (mood) => MOOD_WORDS[mood]);
