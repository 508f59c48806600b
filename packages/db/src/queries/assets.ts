import type { AssetType } from "@adgen/schemas";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../client";
import { assets } from "../schema/index";

export type AssetRow = typeof assets.$inferSelect;

/** A session's assets, oldest first, optionally of one type. */
export function listSessionAssets(db: Database, sessionId: string, type?: AssetType) {
  return db
    .select()
    .from(assets)
    .where(and(eq(assets.sessionId, sessionId), type ? eq(assets.type, type) : undefined))
    .orderBy(asc(assets.createdAt), asc(assets.id));
}

/** The first approved image of each session (else its first image), for list thumbnails. */
export async function findThumbnails(db: Database, sessionIds: string[]) {
  if (sessionIds.length === 0) return new Map<string, string>();
  const rows = await db
    .selectDistinctOn([assets.sessionId], {
      sessionId: assets.sessionId,
      storageKey: assets.storageKey,
    })
    .from(assets)
    .where(and(inArray(assets.sessionId, sessionIds), eq(assets.type, "image")))
    .orderBy(assets.sessionId, desc(assets.approved), asc(assets.createdAt), asc(assets.id));
  return new Map(rows.map((r) => [r.sessionId, r.storageKey]));
}

/** Every asset's unit of work, across sessions: for checks that none was stored twice. */
export function listAssetWorkKeys(db: Database) {
  return db.select({ sessionId: assets.sessionId, workKey: assets.workKey }).from(assets);
}
