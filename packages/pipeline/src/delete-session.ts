import { deleteOwnedSession } from "@adgen/db";
import { sessionPrefix } from "@adgen/storage";
import type { PipelineDeps } from "./deps";

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

/** The session's jobs in every queue, with their state. */
export async function findSessionJobs(deps: Pick<PipelineDeps, "boss">, sessionId: string) {
  const found: { queue: string; id: string; state: string; data: object }[] = [];
  // Every queue of this pg-boss schema is the pipeline's, whatever the steps are called.
  for (const { name } of await deps.boss.getQueues()) {
    for (const job of await deps.boss.findJobs(name, { data: { sessionId } })) {
      found.push({ queue: name, id: job.id, state: job.state, data: job.data as object });
    }
  }
  return found;
}

/** Cancels every job of the session that has not ended; returns how many. */
export async function cancelSessionJobs(
  deps: Pick<PipelineDeps, "boss">,
  sessionId: string,
): Promise<number> {
  const open = (await findSessionJobs(deps, sessionId)).filter((job) => !ENDED.has(job.state));
  for (const job of open) await deps.boss.cancel(job.queue, job.id);
  return open.length;
}

const ENDED = new Set(["completed", "cancelled", "failed"]);
