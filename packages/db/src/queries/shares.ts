import { createHash } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "../client";
import { assets, sessions, shares } from "../schema/index";

export type ShareRow = typeof shares.$inferSelect;

/** Links are looked up by the token's SHA-256; the token itself is never stored. */
export function shareTokenHash(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * A new link to one final video. Earlier live links of the session are revoked in the same
 * transaction: a session has at most one live link, so "Revoke" always means all of them.
 */
export async function replaceShare(
  db: Database,
  values: { sessionId: string; assetId: string; tokenHash: string },
) {
  return db.transaction(async (tx) => {
    await tx
      .update(shares)
      .set({ revokedAt: new Date() })
      .where(and(eq(shares.sessionId, values.sessionId), isNull(shares.revokedAt)));
    const [row] = await tx.insert(shares).values(values).returning();
    if (!row) throw new Error("insert into shares returned no row");
    return row;
  });
}

/** Revokes the session's live link; false when there was none. */
export async function revokeShares(db: Database, sessionId: string) {
  const rows = await db
    .update(shares)
    .set({ revokedAt: new Date() })
    .where(and(eq(shares.sessionId, sessionId), isNull(shares.revokedAt)))
    .returning({ id: shares.id });
  return rows.length > 0;
}

/** The session's live link, if any (the token itself is not stored). */
export async function findLiveShare(db: Database, sessionId: string) {
  const [row] = await db
    .select()
    .from(shares)
    .where(and(eq(shares.sessionId, sessionId), isNull(shares.revokedAt)))
    .orderBy(desc(shares.createdAt))
    .limit(1);
  return row ?? null;
}

/**
 * What a public link shows: the shared video and the product line. Revoked links are
 * returned too (with `revokedAt`), so the page can say so.
 */
export async function findSharedVideo(db: Database, token: string) {
  const [row] = await db
    .select({
      revokedAt: shares.revokedAt,
      createdAt: shares.createdAt,
      productPrompt: sessions.productPrompt,
      storageKey: assets.storageKey,
      contentType: assets.contentType,
      duration: assets.duration,
      width: assets.width,
      height: assets.height,
    })
    .from(shares)
    .innerJoin(assets, eq(assets.id, shares.assetId))
    .innerJoin(sessions, eq(sessions.id, shares.sessionId))
    .where(eq(shares.tokenHash, shareTokenHash(token)));
  return row ?? null;
}
