import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assets, generationCosts, sessions } from "../schema/index";
import { createTestDatabase, type TestDatabase } from "../testing";
import { findThumbnails, listSessionAssets } from "./assets";
import { insertUser } from "./auth";
import { listSessionCosts } from "./costs";
import {
  deleteOwnedSession,
  findOwnedSession,
  findSessionById,
  insertSession,
  listSessionsPage,
  type SessionCursor,
  type SessionRow,
} from "./sessions";

let testDb: TestDatabase;
const db = () => testDb.conn.db;

async function newUser() {
  const id = `u-${Math.random().toString(36).slice(2)}`;
  await insertUser(db(), { id, email: `${id}@example.com`, passwordHash: "x" });
  return id;
}

/** The order `listSessionsPage` promises: newest first, ties broken by id (descending). */
function newestFirst(rows: Pick<SessionRow, "id" | "createdAt">[]): string[] {
  return [...rows]
    .sort(
      (a, b) =>
        b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
    )
    .map((r) => r.id);
}

async function allPages(userId: string, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: SessionCursor | undefined;
  for (;;) {
    const page = await listSessionsPage(db(), userId, limit, cursor);
    seen.push(...page.rows.map((r) => r.id));
    const last = page.rows.at(-1);
    if (!page.hasMore || !last) return seen;
    cursor = { createdAt: last.createdAt, id: last.id };
  }
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
    for (let i = 0; i < 7; i++) {
      created.push(await insertSession(db(), { userId, budgetMicros: 10_000_000 }));
    }
    // Several inserts can share a millisecond: the expected order is the total one.
    expect(await allPages(userId, 3)).toEqual(newestFirst(created));
  });

  it("orders sessions made at the same instant by id, across page boundaries", async () => {
    const userId = await newUser();
    // One statement shares one now(): every row gets the same created_at.
    const created = await db()
      .insert(sessions)
      .values(Array.from({ length: 7 }, () => ({ userId, budgetMicros: 10_000_000 })))
      .returning();
    expect(new Set(created.map((s) => s.createdAt.getTime())).size).toBe(1);
    const expected = newestFirst(created);
    for (const limit of [1, 2, 3, 7, 50]) expect(await allPages(userId, limit)).toEqual(expected);
  });

  it("finds a session only for its owner", async () => {
    const owner = await newUser();
    const stranger = await newUser();
    const session = await insertSession(db(), { userId: owner, budgetMicros: 10_000_000 });
    expect((await findOwnedSession(db(), owner, session.id))?.id).toBe(session.id);
    expect(await findOwnedSession(db(), stranger, session.id)).toBeNull();
    expect(await deleteOwnedSession(db(), stranger, session.id)).toBeNull();
    expect(await findOwnedSession(db(), owner, session.id)).not.toBeNull();
    expect((await findSessionById(db(), session.id))?.userId).toBe(owner);
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
    const image = { sessionId: session.id, type: "image" as const, contentType: "image/png" };
    await db()
      .insert(assets)
      .values([
        { ...image, storageKey: "sessions/a/1.png" },
        { ...image, storageKey: "sessions/a/2.png", approved: true },
      ]);
    expect((await findThumbnails(db(), [session.id])).get(session.id)).toBe("sessions/a/2.png");
    expect(await listSessionAssets(db(), session.id, "image")).toHaveLength(2);
    expect(await listSessionAssets(db(), session.id, "video")).toEqual([]);
    expect(await deleteOwnedSession(db(), owner, session.id)).toEqual({
      id: session.id,
      stage: "created",
      currentRunId: null,
    });
    expect(await listSessionAssets(db(), session.id)).toEqual([]);
    expect(await listSessionCosts(db(), session.id)).toEqual([]);
  });

  it("deletes a running session and says which stage and run it ended", async () => {
    const owner = await newUser();
    const session = await insertSession(db(), { userId: owner, budgetMicros: 10_000_000 });
    const runId = randomUUID();
    await db()
      .update(sessions)
      .set({ stage: "clip_generation", currentRunId: runId })
      .where(eq(sessions.id, session.id));
    expect(await deleteOwnedSession(db(), owner, session.id)).toEqual({
      id: session.id,
      stage: "clip_generation",
      currentRunId: runId,
    });
    expect(await findSessionById(db(), session.id)).toBeNull();
    expect(await deleteOwnedSession(db(), owner, session.id)).toBeNull();
  });
});
