import type { Scene } from "@adgen/agents";

export interface GradeFilters {
  /** Applied once to the still before it is looped: the grade costs one frame, not ninety. */
  still: string[];
  /** Applied to every frame after the move (a vignette must stay put while the image moves). */
  frame: string[];
}

/** Gentle, print-safe grades; numbers only, so nothing here needs escaping. */
const GRADES: Record<Scene["grade"], GradeFilters> = {
  neutral: { still: [], frame: [] },
  warm: {
    still: [
      "colorbalance=rs=0.05:gs=0.01:bs=-0.05:rm=0.04:gm=0.01:bm=-0.04:rh=0.03:bh=-0.03",
      "eq=saturation=1.08",
    ],
    frame: [],
  },
  cool: {
    still: ["colorbalance=rs=-0.04:bs=0.05:rm=-0.03:bm=0.04:bh=0.03", "eq=saturation=0.97"],
    frame: [],
  },
  vivid: { still: ["eq=contrast=1.08:saturation=1.35"], frame: [] },
  moody: {
    still: [
      "eq=contrast=1.12:brightness=-0.05:saturation=0.8",
      "colorbalance=bs=0.04:bm=0.02:rh=0.02",
    ],
    frame: ["vignette=angle=PI/6"],
  },
};

export function gradeFilters(grade: Scene["grade"]): GradeFilters {
  return GRADES[grade];
}
