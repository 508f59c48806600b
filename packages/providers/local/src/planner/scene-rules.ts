import { type CameraMove, type Scene } from "@adgen/agents";
import { findTerms, termTable } from "../parser/text-match";

type Grade = Scene["grade"];

/** Camera moves that suit each view, best first (a close-up pushes in, a top shot tilts). */
export const MOVES_BY_VIEW: Record<string, readonly CameraMove[]> = {
  front: ["push_in", "orbit", "pull_out", "tilt_up"],
  three_quarter: ["orbit", "pan_right", "push_in", "pan_left"],
  side: ["pan_left", "pan_right", "orbit", "push_in"],
  back: ["orbit", "pan_right", "pull_out", "tilt_up"],
  top: ["tilt_down", "push_in", "orbit", "pull_out"],
  detail: ["push_in", "pan_right", "tilt_up", "pan_left"],
  lifestyle: ["pull_out", "pan_right", "pan_left", "push_in"],
  in_use: ["tilt_up", "push_in", "pan_left", "orbit"],
};
export const FALLBACK_MOVES: readonly CameraMove[] = [
  "push_in",
  "orbit",
  "pan_right",
  "pull_out",
  "pan_left",
  "tilt_up",
  "tilt_down",
];

/** Moves a video prompt asks for by name ("slow orbit", "zoom in"), which then lead each scene's list. */
const MOVE_WORDS: Record<CameraMove, readonly string[]> = {
  push_in: ["push in", "zoom in", "dolly in", "close in", "closer"],
  pull_out: ["pull out", "zoom out", "pull back", "dolly out", "reveal"],
  pan_left: ["pan left"],
  pan_right: ["pan right", "pan", "slide", "sweep", "tracking"],
  orbit: [
    "orbit",
    "rotate",
    "rotating",
    "spin",
    "spinning",
    "360",
    "turntable",
    "circle around",
    "around",
  ],
  tilt_up: ["tilt up", "rise", "rising", "crane up"],
  tilt_down: ["tilt down", "descend", "overhead"],
};
const moveTable = termTable(Object.keys(MOVE_WORDS) as CameraMove[], (move) => MOVE_WORDS[move]);

export function requestedMoves(videoPrompt: string): CameraMove[] {
  return [...new Set(findTerms(videoPrompt, moveTable).map((match) => match.entry))];
}

const HIGH = [
  "energetic",
  "dynamic",
  "fast",
  "punchy",
  "explosive",
  "action",
  "bold",
  "intense",
  "upbeat",
  "rapid",
  "quick",
  "exciting",
  "powerful",
  "sporty",
];
const LOW = [
  "calm",
  "elegant",
  "slow",
  "gentle",
  "serene",
  "soft",
  "subtle",
  "smooth",
  "relaxed",
  "peaceful",
  "luxurious",
  "graceful",
  "dreamy",
  "minimal",
];
const intensityTable = termTable(["high", "low"] as const, (level) =>
  level === "high" ? HIGH : LOW,
);

/** 0.85 for energetic prompts, 0.25 for calm ones, 0.5 otherwise (or when both kinds of word appear equally). */
export function intensityFor(videoPrompt: string): number {
  const matches = findTerms(videoPrompt, intensityTable);
  const high = matches.filter((match) => match.entry === "high").length;
  const low = matches.length - high;
  if (high > low) return 0.85;
  if (low > high) return 0.25;
  return 0.5;
}

const GRADE_WORDS: Record<Exclude<Grade, "neutral">, readonly string[]> = {
  warm: ["warm", "sunset", "golden", "golden hour", "cozy", "cosy", "autumn", "sunny", "summer"],
  cool: ["cool", "tech", "futuristic", "icy", "winter", "blue", "clinical", "sci fi", "neon"],
  vivid: ["vivid", "bold", "vibrant", "colorful", "colourful", "saturated", "pop", "bright"],
  moody: ["moody", "dark", "dramatic", "noir", "night", "shadowy", "cinematic", "mysterious"],
};
const gradeTable = termTable(
  Object.keys(GRADE_WORDS) as Exclude<Grade, "neutral">[],
  (grade) => GRADE_WORDS[grade],
);

/** The first mood word in the prompt picks the grade. */
export function gradeFor(videoPrompt: string): Grade {
  return findTerms(videoPrompt, gradeTable)[0]?.entry ?? "neutral";
}
