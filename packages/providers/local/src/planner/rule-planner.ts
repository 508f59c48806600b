import { z } from "zod";
import { type CameraMove, type Scene, sceneSchema } from "@adgen/agents";
import {
  FALLBACK_MOVES,
  gradeFor,
  intensityFor,
  MOVES_BY_VIEW,
  requestedMoves,
} from "./scene-rules";

export const planRequestSchema = z.object({
  videoPrompt: z.string().trim().min(1).max(300),
  productDescription: z.string().trim().min(1),
  images: z
    .array(z.object({ imageId: z.string().min(1), viewType: z.string() }))
    .min(1)
    .max(8),
});
export type PlanRequest = z.input<typeof planRequestSchema>;

const MOVE_PHRASES: Record<CameraMove, string> = {
  push_in: "Slow push-in towards",
  pull_out: "Gentle pull-out revealing",
  pan_left: "Smooth pan left across",
  pan_right: "Smooth pan right across",
  orbit: "Orbiting camera circling",
  tilt_up: "Tilt up along",
  tilt_down: "Tilt down onto",
};
const VIEW_PHRASES: Record<string, string> = {
  front: "from the front",
  three_quarter: "at a three-quarter angle",
  side: "in profile",
  back: "from behind",
  top: "from above",
  detail: "in close-up",
  lifestyle: "in its setting",
  in_use: "in use",
};
const GRADE_PHRASES: Record<Scene["grade"], string> = {
  neutral: "clean, true-to-life colour",
  warm: "warm golden light",
  cool: "cool blue-tinted light",
  vivid: "vivid saturated colour",
  moody: "moody low-key light with deep shadows",
};

function pace(intensity: number): string {
  if (intensity >= 0.7) return "fast, energetic motion with a punchy finish";
  if (intensity <= 0.3) return "slow, graceful motion";
  return "steady, smooth motion";
}

/**
 * Picks each scene's move from the moves that suit its view (those the prompt names
 * first), never repeating the previous scene's move, and rotating through the list so a
 * batch of similar views still gets variety.
 */
function chooseMoves(viewTypes: readonly string[], requested: readonly CameraMove[]): CameraMove[] {
  const moves: CameraMove[] = [];
  const used = new Map<CameraMove, number>();
  for (const view of viewTypes) {
    const suited = MOVES_BY_VIEW[view] ?? FALLBACK_MOVES;
    const candidates = [...new Set([...requested, ...suited, ...FALLBACK_MOVES])];
    const previous = moves.at(-1);
    const allowed = candidates.filter((move) => move !== previous);
    // Least-used first, keeping the preference order among equals.
    const best = allowed.reduce(
      (pick, move) => ((used.get(move) ?? 0) < (used.get(pick) ?? 0) ? move : pick),
      allowed[0]!,
    );
    moves.push(best);
    used.set(best, (used.get(best) ?? 0) + 1);
  }
  return moves;
}

/** The rule-based scene planner: one scene per approved image, deterministic. */
export function planScenes(request: PlanRequest): Scene[] {
  const { videoPrompt, productDescription, images } = planRequestSchema.parse(request);
  const intensity = intensityFor(videoPrompt);
  const grade = gradeFor(videoPrompt);
  const moves = chooseMoves(
    images.map((image) => image.viewType),
    requestedMoves(videoPrompt),
  );
  const product = productDescription.split(",")[0]!.trim();
  return images.map((image, index) => {
    const cameraMove = moves[index]!;
    const view = VIEW_PHRASES[image.viewType] ?? "";
    return sceneSchema.parse({
      imageId: image.imageId,
      cameraMove,
      intensity,
      grade,
      motionPrompt:
        `${MOVE_PHRASES[cameraMove]} the ${product} ${view}, ${pace(intensity)}, ${GRADE_PHRASES[grade]}. ${videoPrompt.trim()}`.replace(
          /\s+/g,
          " ",
        ),
    });
  });
}
