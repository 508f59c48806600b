import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assets, shares } from "../schema/index";
import { createTestDatabase, type TestDatabase } from "../testing";
import { insertUser } from "./auth";
import { insertSession } from "./sessions";
import {
  findLiveShare,
  findSharedVideo,
  replaceShare,
  revokeShares,
  shareTokenHash,
} from "./shares";

let testDb: TestDatabase;
const db = () => testDb.conn.db;

/** A session with one final video, as a share link needs. */
async function sessionWithVideo() {
  const userId = `u-${Math.random().toString(36).slice(2)}`;
  await insertUser(db(), { id: userId, email: `${userId}@example.com`, passwordHash: "x" });
  const session = await insertSession(db(), { userId, budgetMicros: 10_000_000 });
  const [video] = await db()
    .insert(assets)
    .values({
      sessionId: session.id,
      type: "final_video",
      storageKey: `sessions/${session.id}/final/ad.mp4`,
      contentType: "video/mp4",
      duration: 9.5,
      width: 1920,
      height: 1080,
    })
    .returning();
  return { session, video: video! };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb.drop();
});

describe("share links", () => {
  it("are found by their token, store only its hash, and a new link revokes the old", async () => {
    const { session, video } = await sessionWithVideo();
    const first = "a".repeat(32);
    const second = "b".repeat(32);
    await replaceShare(db(), {
      sessionId: session.id,
      assetId: video.id,
      tokenHash: shareTokenHash(first),
    });
    expect((await findSharedVideo(db(), first))?.storageKey).toBe(video.storageKey);

    const stored = await db().select().from(shares);
    expect(stored.map((s) => s.tokenHash)).not.toContain(first);

    await replaceShare(db(), {
      sessionId: session.id,
      assetId: video.id,
      tokenHash: shareTokenHash(second),
    });
    expect((await findSharedVideo(db(), first))?.revokedAt).toBeInstanceOf(Date);
    expect((await findSharedVideo(db(), second))?.revokedAt).toBeNull();
    expect((await findLiveShare(db(), session.id))?.tokenHash).toBe(shareTokenHash(second));
  });

  it("revoke ends the live link and says whether there was one; unknown tokens find nothing", async () => {
    const { session, video } = await sessionWithVideo();
    const token = "c".repeat(32);
    await replaceShare(db(), {
      sessionId: session.id,
      assetId: video.id,
      tokenHash: shareTokenHash(token),
    });
    expect(await revokeShares(db(), session.id)).toBe(true);
    expect(await revokeShares(db(), session.id)).toBe(false);
    expect(await findLiveShare(db(), session.id)).toBeNull();
    expect((await findSharedVideo(db(), token))?.revokedAt).toBeInstanceOf(Date);
    expect(await findSharedVideo(db(), "d".repeat(32))).toBeNull();
  });
});
