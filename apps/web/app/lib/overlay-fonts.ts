import type { OverlayFont } from "@adgen/schemas";

/** Each overlay font's name and the CSS family its face is loaded under (tailwind.css). */
export const FONT_FACES: Record<OverlayFont, { label: string; family: string }> = {
  montserrat: { label: "Montserrat", family: "'Adgen Montserrat', sans-serif" },
  poppins: { label: "Poppins", family: "'Adgen Poppins', sans-serif" },
  "bebas-neue": { label: "Bebas Neue", family: "'Adgen Bebas Neue', sans-serif" },
  anton: { label: "Anton", family: "'Adgen Anton', sans-serif" },
};

export const COLOR_SWATCHES = ["#FFFFFF", "#111827", "#FACC15", "#F97316", "#EF4444", "#22D3EE"];
