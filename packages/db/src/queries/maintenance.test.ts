import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assets, sessionEvents } from "../schema/index";
import { createTestDatabase, type TestDatabase } from "../testing";
import { insertUser } from "./auth";
import { findReferencedStorageKeys, pruneSessionEvents } from "./maintenance";
import { insertSession } from "./sessions";

let testDb: TestDatabase;
const db = () => testDb.conn.db;

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.drop());

async function newSession() {
  const userId = `u-${Math.random().toString(36).slice(2)}`;
  await insertUser(db(), { id: userId, email: `${userId}@example.com`, passwordHash: "x" });
  return insertSession(db(), { userId, budgetMicros: 1_000_000 });
}

describe("maintenance queries", () => {
  it("tells which stored keys have an asset row", async () => {
    const session = await newSession();
    await db().insert(assets).values({
      sessionId: session.id,
      type: "image",
      contentType: "image/png",
      storageKey: "sessions/x/images/kept.png",
    });
    const keys = ["sessions/x/images/kept.png", "sessions/x/images/orphan.png"];
    expect(await findReferencedStorageKeys(db(), keys)).toEqual(new Set([keys[0]]));
    expect(await findReferencedStorageKeys(db(), [])).toEqual(new Set());
  });

  it("prunes old events but keeps each session's newest and everything recent", async () => {
    const a = await newSession();
    const b = await newSession();
    const old = new Date(Date.now() - 40 * 86_400_000);
    const event = { stage: "image_generation" as const, progress: 0, message: "m" };
    const row = (sessionId: string, seq: number, createdAt: Date) => ({
      sessionId,
      seq,
      createdAt,
      payload: { ...event, sessionId, currentCost: 0, timestamp: createdAt.toISOString() },
    });
    await db()
      .insert(sessionEvents)
      .values([
        row(a.id, 1, old),
        row(a.id, 2, old),
        row(a.id, 3, new Date()),
        row(b.id, 1, old),
        row(b.id, 2, old),
      ]);
    const cutoff = new Date(Date.now() - 30 * 86_400_000);
    expect(await pruneSessionEvents(db(), cutoff)).toBe(3);
    const left = await db()
      .select({ sessionId: sessionEvents.sessionId, seq: sessionEvents.seq })
      .from(sessionEvents);
    expect(left.map((e) => `${e.sessionId === a.id ? "a" : "b"}${e.seq}`).sort()).toEqual([
      "a3",
      "b2",
    ]);
    expect(await pruneSessionEvents(db(), cutoff)).toBe(0);
  });
});
