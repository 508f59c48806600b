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

/*
 * The pipeline's reads of assets. Assets are written with their cost lines by
 * `commitAssetWithCosts` (queries/costs.ts), the ledger's one way to store a unit of work.
 */

/** Work keys of the session's assets of one type: the units a retried job skips. */
export async function listDoneWorkKeys(
  db: Database,
  sessionId: string,
  type: AssetType,
): Promise<Set<string>> {
  const rows = await db
    .select({ workKey: assets.workKey })
    .from(assets)
    .where(and(eq(assets.sessionId, sessionId), eq(assets.type, type)));
  return new Set(rows.flatMap((r) => (r.workKey ? [r.workKey] : [])));
}

/** The asset that holds a unit of work, if one was stored. */
export async function findAssetByWorkKey(
  db: Database,
  sessionId: string,
  workKey: string,
): Promise<AssetRow | null> {
  const [row] = await db
    .select()
    .from(assets)
    .where(and(eq(assets.sessionId, sessionId), eq(assets.workKey, workKey)));
  return row ?? null;
}

/** The session's approved assets of one type, oldest first. */
export function listApprovedAssets(db: Database, sessionId: string, type: AssetType) {
  return db
    .select()
    .from(assets)
    .where(and(eq(assets.sessionId, sessionId), eq(assets.type, type), eq(assets.approved, true)))
    .orderBy(asc(assets.createdAt), asc(assets.id));
}

/** Those of `ids` that are the session's assets of `type` (a stranger's id is left out). */
export function listSessionAssetsByIds(
  db: Database,
  sessionId: string,
  type: AssetType,
  ids: string[],
): Promise<AssetRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(assets)
    .where(and(eq(assets.sessionId, sessionId), eq(assets.type, type), inArray(assets.id, ids)));
}
