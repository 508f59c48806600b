import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import type { OverlayFont } from "@adgen/schemas";
import { MediaError } from "../errors";

export interface FontFace {
  /** The family name we register with @napi-rs/canvas; prefixed so a system font never shadows it. */
  family: string;
  /** Absolute path of the TTF/OTF/TTC file. */
  file: string;
  weight: number;
}

const require = createRequire(import.meta.url);

/** TTFs shipped through npm (ffmpeg's drawtext and canvas both read them; woff2 would not do). */
const DISPLAY_FONTS: Record<OverlayFont, { module: string; family: string; weight: number }> = {
  montserrat: {
    module: "@expo-google-fonts/montserrat/800ExtraBold/Montserrat_800ExtraBold.ttf",
    family: "Adgen Montserrat",
    weight: 800,
  },
  poppins: {
    module: "@expo-google-fonts/poppins/700Bold/Poppins_700Bold.ttf",
    family: "Adgen Poppins",
    weight: 700,
  },
  "bebas-neue": {
    module: "@expo-google-fonts/bebas-neue/400Regular/BebasNeue_400Regular.ttf",
    family: "Adgen Bebas Neue",
    weight: 400,
  },
  anton: {
    module: "@expo-google-fonts/anton/400Regular/Anton_400Regular.ttf",
    family: "Adgen Anton",
    weight: 400,
  },
};

/**
 * Fallbacks in the order glyphs are looked up when the display font lacks them: wider Latin,
 * Greek and Cyrillic first, then CJK, Arabic, Devanagari, Thai, and monochrome emoji.
 */
const FALLBACK_FONTS = [
  {
    module: "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
    family: "Adgen Noto Sans",
  },
  {
    module: "@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf",
    family: "Adgen Noto Sans JP",
  },
  {
    module: "@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf",
    family: "Adgen Noto Sans KR",
  },
  {
    module: "@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf",
    family: "Adgen Noto Sans Arabic",
  },
  {
    module: "@expo-google-fonts/noto-sans-devanagari/700Bold/NotoSansDevanagari_700Bold.ttf",
    family: "Adgen Noto Sans Devanagari",
  },
  {
    module: "@expo-google-fonts/noto-sans-thai/700Bold/NotoSansThai_700Bold.ttf",
    family: "Adgen Noto Sans Thai",
  },
  {
    module: "@expo-google-fonts/noto-emoji/700Bold/NotoEmoji_700Bold.ttf",
    family: "Adgen Noto Emoji",
  },
];

/**
 * Debian's fonts-noto-cjk covers the simplified and traditional Chinese characters that Noto
 * Sans JP lacks; used when the machine has it, never required.
 */
const SYSTEM_FALLBACK_FONTS = [
  { file: "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", family: "Adgen Noto Sans CJK" },
];

function resolveModule(module: string): string {
  try {
    return require.resolve(module);
  } catch (error) {
    throw new MediaError("CONFIG", `The bundled font ${module} is not installed`, { cause: error });
  }
}

/** The display font's face for an overlay font name. */
export function displayFontFace(font: OverlayFont): FontFace {
  const entry = DISPLAY_FONTS[font];
  return { family: entry.family, file: resolveModule(entry.module), weight: entry.weight };
}

/** The TTF path of an overlay font, e.g. for ffmpeg's drawtext `fontfile=`. */
export function overlayFontFile(font: OverlayFont): string {
  return displayFontFace(font).file;
}

/** Fallback faces in lookup order; system ones only where installed. */
export function fallbackFontFaces(): FontFace[] {
  const bundled = FALLBACK_FONTS.map((entry) => ({
    family: entry.family,
    file: resolveModule(entry.module),
    weight: 700,
  }));
  const system = SYSTEM_FALLBACK_FONTS.filter((entry) => existsSync(entry.file)).map((entry) => ({
    ...entry,
    weight: 700,
  }));
  return [...bundled, ...system];
}
