import { and, asc, desc, eq, lt, or, sql } from "drizzle-orm";
import type { Database } from "../client";
import { assets, generationCosts, sessions } from "../schema/index";

export type SessionRow = typeof sessions.$inferSelect;
export type AssetRow = typeof assets.$inferSelect;
export type CostRow = typeof generationCosts.$inferSelect;

export async function insertSession(db: Database, values: { userId: string; budgetMicros: number }) {
  const [row] = await db.insert(sessions).values(values).returning();
  if (!row) throw new Error("insert into sessions returned no row");
  return row;
}

/** The one place a session is read by id: always scoped to its owner. */
export async function findOwnedSession(db: Database, userId: string, sessionId: string) {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)));
  return row ?? null;
}

export interface SessionCursor {
  createdAt: Date;
  id: string;
}

/** Newest first, keyset-paginated on (created_at, id) so pages never skip or repeat rows. */
export async function listSessionsPage(db: Database, userId: string, limit: number, cursor?: SessionCursor) {
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

/** The first approved image of each session (else its first image), for list thumbnails. */
export async function findThumbnails(db: Database, sessionIds: string[]) {
  if (sessionIds.length === 0) return new Map<string, string>();
  const rows = await db
    .selectDistinctOn([assets.sessionId], { sessionId: assets.sessionId, storageKey: assets.storageKey })
    .from(assets)
    .where(and(sql`${assets.sessionId} in ${sessionIds}`, eq(assets.type, "image")))
    .orderBy(assets.sessionId, desc(assets.approved), asc(assets.createdAt));
  return new Map(rows.map((r) => [r.sessionId, r.storageKey]));
}

export function listSessionAssets(db: Database, sessionId: string) {
  return db.select().from(assets).where(eq(assets.sessionId, sessionId)).orderBy(asc(assets.createdAt), asc(assets.id));
}

export function listSessionCosts(db: Database, sessionId: string) {
  return db
    .select()
    .from(generationCosts)
    .where(eq(generationCosts.sessionId, sessionId))
    .orderBy(asc(generationCosts.createdAt), asc(generationCosts.id));
}

export async function deleteOwnedSession(db: Database, userId: string, sessionId: string) {
  const deleted = await db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return deleted.length > 0;
}
