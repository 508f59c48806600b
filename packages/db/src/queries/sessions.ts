import { and, desc, eq, lt, or } from "drizzle-orm";
import type { Database } from "../client";
import { sessions } from "../schema/index";

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(
  db: Database,
  values: { userId: string; budgetMicros: number },
) {
  const [row] = await db.insert(sessions).values(values).returning();
  if (!row) throw new Error("insert into sessions returned no row");
  return row;
}

/** The one place a session is read by id for a user: always scoped to its owner. */
export async function findOwnedSession(db: Database, userId: string, sessionId: string) {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)));
  return row ?? null;
}

/**
 * A session by id whoever owns it, for code that acts for the system rather than a user
 * (workers, benchmarks, tests). Requests from users go through `findOwnedSession`.
 */
export async function findSessionById(db: Database, sessionId: string) {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, sessionId));
  return row ?? null;
}

/** Where a page of `listSessionsPage` ends: the last row's sort key. */
export interface SessionCursor {
  createdAt: Date;
  id: string;
}

/**
 * Newest first, keyset-paginated on (created_at, id). The order is total: sessions made in
 * the same millisecond (or the same transaction, which shares one now()) are ordered by id,
 * and the cursor carries both, so pages never skip or repeat rows.
 */
export async function listSessionsPage(
  db: Database,
  userId: string,
  limit: number,
  cursor?: SessionCursor,
) {
  const after = cursor
    ? or(
        lt(sessions.createdAt, cursor.createdAt),
        and(eq(sessions.createdAt, cursor.createdAt), lt(sessions.id, cursor.id)),
      )
    : undefined;
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), after))
    .orderBy(desc(sessions.createdAt), desc(sessions.id))
    .limit(limit + 1);
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

/**
 * Deletes a user's session in one statement, whatever it is doing, and returns the stage and
 * run it had at that moment (null when the user has no such session). No earlier read
 * decides anything: a request that started a run just before is seen here, one just after
 * finds no row. With the row gone no run of the session is current any more, so every
 * attempt still holding one stops at its next check; assets, cost lines and events go with it.
 */
export async function deleteOwnedSession(db: Database, userId: string, sessionId: string) {
  const [deleted] = await db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .returning({ id: sessions.id, stage: sessions.stage, currentRunId: sessions.currentRunId });
  return deleted ?? null;
}
