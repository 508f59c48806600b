import { and, eq, inArray, sessions, type Database, type SessionRow } from "@adgen/db";
import type { Stage } from "@adgen/schemas";

/** Where each request may start from (DESIGN.md, "The flow"). */
export const ALLOWED_FROM = {
  generateImages: ["created", "image_selection", "clip_selection", "complete", "failed"],
  saveApprovedImages: ["image_selection", "clip_selection", "complete", "failed"],
  generateClips: ["image_selection", "clip_selection", "complete", "failed"],
  saveApprovedClips: ["clip_selection", "complete", "failed"],
  composeFinalVideo: ["clip_selection", "complete", "failed"],
} as const satisfies Record<string, readonly Stage[]>;

export type StepName = keyof typeof ALLOWED_FROM;

const RUNNING_MESSAGES: Partial<Record<Stage, string>> = {
  image_generation: "Images are still being generated. Wait for them to finish.",
  clip_generation: "Clips are still being generated. Wait for them to finish.",
  final_composition: "The video is still being composed. Wait for it to finish.",
};

/** A sentence the user understands for a request made at the wrong moment. */
export function wrongStageMessage(step: StepName, stage: Stage): string {
  const running = RUNNING_MESSAGES[stage];
  if (running) return running;
  switch (step) {
    case "saveApprovedImages":
    case "generateClips":
      return "Generate product images first.";
    case "saveApprovedClips":
    case "composeFinalVideo":
      return "Generate video clips first.";
    default:
      return "This step is not available right now.";
  }
}

/**
 * Moves a session only if it is still in one of the expected stages: two identical
 * requests racing each other cannot both win, so a double click starts one job.
 */
export async function moveStage(
  db: Database,
  sessionId: string,
  from: readonly Stage[],
  to: Stage,
  patch: Partial<typeof sessions.$inferInsert> = {},
): Promise<SessionRow | null> {
  const [row] = await db
    .update(sessions)
    .set({ ...patch, stage: to, updatedAt: new Date() })
    .where(and(eq(sessions.id, sessionId), inArray(sessions.stage, [...from])))
    .returning();
  return row ?? null;
}
