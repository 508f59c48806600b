import { findSessionById, listSessionAssets, parseAssetMetadata, parsePlan } from "@adgen/db";
import type { Database } from "@adgen/db";

/** Where a running session is, finer than its stage: the kill points the chaos test spreads. */
export const PHASES = ["parse", "images", "plan", "clips", "music", "compose"] as const;
export type Phase = (typeof PHASES)[number];

/**
 * The phase of a session's running step, read from what the step has saved so far: the
 * parsed prompt and the scene plan are tagged with their run, and the music bed with its
 * own. Null when no step is running. A step that is queued but not yet started counts as
 * its first phase.
 */
export async function sessionPhase(db: Database, sessionId: string): Promise<Phase | null> {
  const session = await findSessionById(db, sessionId);
  if (!session?.currentRunId) return null;
  const run = session.currentRunId;
  const plan = parsePlan(session);
  switch (session.stage) {
    case "image_generation":
      return plan.runId === run && plan.parsedPrompt ? "images" : "parse";
    case "clip_generation":
      return plan.clipRunId === run && plan.scenes ? "clips" : "plan";
    case "final_composition": {
      const music = await listSessionAssets(db, sessionId, "audio");
      const made = music.some((a) => parseAssetMetadata(a, "audio").runId === run);
      return made ? "compose" : "music";
    }
    default:
      return null;
  }
}
