import { findReferencedStorageKeys, type Database } from "@adgen/db";
import { parseSessionKey, SESSIONS_FOLDER, type Storage } from "@adgen/storage";

const BATCH = 500;

/**
 * Deletes session files last written before `olderThan` that no asset row points at, and
 * returns their keys. Files are stored before their row (ledger/commit-unit.ts), so a
 * process killed in between, an attempt that lost its run, or one still writing after its
 * session was deleted leaves a file with no row; the grace period keeps a commit in
 * progress from being mistaken for one.
 */
export async function deleteOrphanObjects(
  deps: { db: Database; storage: Storage },
  olderThan: Date,
): Promise<string[]> {
  const deleted: string[] = [];
  let batch: string[] = [];
  const flush = async () => {
    const referenced = await findReferencedStorageKeys(deps.db, batch);
    for (const key of batch) {
      if (referenced.has(key)) continue;
      await deps.storage.delete(key);
      deleted.push(key);
    }
    batch = [];
  };
  for await (const object of deps.storage.list(SESSIONS_FOLDER)) {
    if (object.modifiedAt >= olderThan || !parseSessionKey(object.key)) continue;
    batch.push(object.key);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return deleted;
}
