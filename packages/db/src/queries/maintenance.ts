import { and, exists, gt, inArray, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../client";
import { assets, sessionEvents } from "../schema/index";

/*
 * Statements of the periodic clean-up (packages/pipeline/src/maintenance): which stored
 * files still have a row, and which log rows are old enough to go. Throttle counters are
 * pruned by `deleteExpiredThrottleRows` (queries/auth.ts).
 */

/** Of `keys`, the ones an asset row points at. */
export async function findReferencedStorageKeys(
  db: Database,
  keys: string[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ key: assets.storageKey })
    .from(assets)
    .where(inArray(assets.storageKey, keys));
  return new Set(rows.map((r) => r.key));
}

/**
 * Deletes progress events written before `olderThan`, except each session's newest: the
 * next event's sequence follows it, and a client that resumes still finds where it is.
 * Returns how many went.
 */
export async function pruneSessionEvents(db: Database, olderThan: Date): Promise<number> {
  const newer = alias(sessionEvents, "newer");
  const deleted = await db
    .delete(sessionEvents)
    .where(
      and(
        lt(sessionEvents.createdAt, olderThan),
        exists(
          db
            .select({ one: sql`1` })
            .from(newer)
            .where(
              and(
                sql`${newer.sessionId} = ${sessionEvents.sessionId}`,
                gt(newer.seq, sessionEvents.seq),
              ),
            ),
        ),
      ),
    )
    .returning({ id: sessionEvents.id });
  return deleted.length;
}
