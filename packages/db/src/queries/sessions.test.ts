import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assets, generationCosts, sessions, users } from "../schema/index";
import { createTestDatabase, type TestDatabase } from "../testing";
import { eq } from "drizzle-orm";
import {
  deleteOwnedSession,
  findOwnedSession,
  findThumbnails,
  insertSession,
  listSessionCosts,
  listSessionsPage,
} from "./sessions";

let testDb: TestDatabase;
const db = () => testDb.conn.db;

async function newUser() {
  const id = `u-${Math.random().toString(36).slice(2)}`;
  await db().insert(users).values({ id, email: `${id}@example.com`, passwordHash: "x" });
  return id;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.drop());

describe("session queries", () => {
  it("pages a user's sessions newest first without skipping or repeating", async () => {
    const userId = await newUser();
    const other = await newUser();
    await insertSession(db(), { userId: other, budgetMicros: 1 });
    const created = [];
    for (let i = 0; i < 7; i++) created.push(await insertSession(db(), { userId, budgetMicros: 10_000_000 }));
    const seen: string[] = [];
    let cursor: { createdAt: Date; id: string } | undefined;
    for (;;) {
      const page = await listSessionsPage(db(), userId, 3, cursor);
      seen.push(...page.rows.map((r) => r.id));
      const last = page.rows.at(-1);
      if (!page.hasMore || !last) break;
      cursor = { createdAt: last.createdAt, id: last.id };
    }
    expect(seen).toEqual(created.map((c) => c.id).reverse());
  });

  it("finds a session only for its owner", async () => {
    const owner = await newUser();
    const stranger = await newUser();
    const session = await insertSession(db(), { userId: owner, budgetMicros: 10_000_000 });
    expect((await findOwnedSession(db(), owner, session.id))?.id).toBe(session.id);
    expect(await findOwnedSession(db(), stranger, session.id)).toBeNull();
    expect(await deleteOwnedSession(db(), stranger, session.id)).toBe(false);
    expect(await findOwnedSession(db(), owner, session.id)).not.toBeNull();
  });

  it("keeps money exact and removes assets and costs with their session", async () => {
    const owner = await newUser();
    const session = await insertSession(db(), { userId: owner, budgetMicros: 10_000_000 });
    // 0.1 + 0.2 in floats is 0.30000000000000004; in micro-dollars it is exactly 300000.
    for (const micros of [100_000, 200_000]) {
      await db().insert(generationCosts).values({
        sessionId: session.id,
        stage: "image_generation",
        agent: "image_generator",
        model: "test",
        costMicros: micros,
        durationMs: 5,
        success: true,
      });
    }
    const lines = await listSessionCosts(db(), session.id);
    expect(lines.reduce((sum, l) => sum + l.costMicros, 0)).toBe(300_000);
    await db().insert(assets).values([
      { sessionId: session.id, type: "image", storageKey: "sessions/a/1.png", contentType: "image/png" },
      { sessionId: session.id, type: "image", storageKey: "sessions/a/2.png", contentType: "image/png", approved: true },
    ]);
    expect((await findThumbnails(db(), [session.id])).get(session.id)).toBe("sessions/a/2.png");
    expect(await deleteOwnedSession(db(), owner, session.id)).toBe(true);
    expect(await db().select().from(assets).where(eq(assets.sessionId, session.id))).toEqual([]);
    expect(await listSessionCosts(db(), session.id)).toEqual([]);
  });

  it("moves a stage only from the expected one (a double click starts one job)", async () => {
    const owner = await newUser();
    const session = await insertSession(db(), { userId: owner, budgetMicros: 10_000_000 });
    const move = () =>
      db()
        .update(sessions)
        .set({ stage: "image_generation" })
        .where(eq(sessions.stage, "created"))
        .returning({ id: sessions.id })
        .then((rows) => rows.filter((r) => r.id === session.id).length);
    const results = await Promise.all([move(), move()]);
    expect(results.sort()).toEqual([0, 1]);
  });
});
