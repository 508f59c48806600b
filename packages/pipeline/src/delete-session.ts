import { deleteOwnedSession } from "@adgen/db";
import { sessionPrefix } from "@adgen/storage";
import type { PipelineDeps } from "./deps";
import { DEAD_LETTER_QUEUE } from "./queue";
import { JOB_STEPS } from "./steps";

/**
 * Deletes a user's session whatever it is doing; false when the user has no such session.
 *
 * The row goes first, in one statement: from then on no run of the session is current, so
 * an attempt in flight stops at its next check and charges nothing, and a job that starts
 * later (one queued by a request that raced this delete) finds no session and writes
 * nothing. Then its jobs are cancelled (queued ones never run; running ones see their claim
 * gone and are aborted) and its files removed. A file that an attempt still in flight
 * stores after this has no row, and the storage sweep removes it after its grace period.
 */
export async function deleteSession(
  deps: Pick<PipelineDeps, "db" | "boss" | "storage">,
  userId: string,
  sessionId: string,
): Promise<boolean> {
  const deleted = await deleteOwnedSession(deps.db, userId, sessionId);
  if (!deleted) return false;
  await cancelSessionJobs(deps, sessionId).catch((error: unknown) => {
    console.error(`[delete] could not cancel the jobs of session ${sessionId}:`, error);
  });
  await deps.storage.deletePrefix(sessionPrefix(sessionId)).catch((error: unknown) => {
    console.error(`[delete] could not remove the files of session ${sessionId}:`, error);
  });
  return true;
}

/** Cancels every job of the session that has not ended, in every step's queue. */
export async function cancelSessionJobs(
  deps: Pick<PipelineDeps, "boss">,
  sessionId: string,
): Promise<number> {
  let cancelled = 0;
  for (const queue of [...JOB_STEPS.map((step) => step.queue), DEAD_LETTER_QUEUE]) {
    const jobs = await deps.boss.findJobs(queue, { data: { sessionId } });
    const open = jobs.filter((job) => !ENDED.has(job.state)).map((job) => job.id);
    if (open.length === 0) continue;
    await deps.boss.cancel(queue, open);
    cancelled += open.length;
  }
  return cancelled;
}

const ENDED = new Set(["completed", "cancelled", "failed"]);
