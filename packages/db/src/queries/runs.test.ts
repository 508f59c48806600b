import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing";
import { insertUser } from "./auth";
import { clearRunReservations, reserveSessionBudget } from "./costs";
import { findCurrentRun, moveRunStage, startRun } from "./runs";
import { findSessionById, insertSession } from "./sessions";

let testDb: TestDatabase;
const db = () => testDb.conn.db;

async function newSession(budgetMicros = 10_000) {
  const userId = `u-${Math.random().toString(36).slice(2)}`;
  await insertUser(db(), { id: userId, email: `${userId}@example.com`, passwordHash: "x" });
  return insertSession(db(), { userId, budgetMicros });
}

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.drop());

const images = { from: ["created", "failed"] as const, to: "image_generation" as const };

describe("run queries", () => {
  it("starts one run per expected stage, and only that run can end it", async () => {
    const session = await newSession();
    const [first, second] = [randomUUID(), randomUUID()];
    const start = (runId: string) =>
      startRun(db(), { sessionId: session.id, runId, ...images, patch: {} });
    expect(await start(first)).toMatchObject({ stage: "image_generation", currentRunId: first });
    // The second of two identical requests finds the session moved: it starts nothing.
    expect(await start(second)).toBeNull();
    expect(await findCurrentRun(db(), session.id, second, "image_generation")).toBeNull();

    const end = (runId: string, to: "failed" | "image_selection") =>
      moveRunStage(db(), { sessionId: session.id, runId, from: "image_generation", to });
    expect(await end(second, "failed")).toBeNull();
    expect(await end(first, "image_selection")).toMatchObject({ stage: "image_selection" });
    expect(await findSessionById(db(), session.id)).toMatchObject({
      stage: "image_selection",
      lastGoodStage: "created",
    });
  });

  it("resumes a failed run only while it is the session's current one", async () => {
    const session = await newSession();
    const runId = randomUUID();
    await startRun(db(), { sessionId: session.id, runId, ...images, patch: {} });
    const failed = { sessionId: session.id, runId, from: "image_generation" as const };
    await moveRunStage(db(), { ...failed, to: "failed" }, { error: "It broke." });
    const resume = (id: string) =>
      startRun(db(), { sessionId: session.id, runId: id, ...images, patch: {}, resumes: true });
    expect(await resume(randomUUID())).toBeNull();
    expect(await resume(runId)).toMatchObject({
      stage: "image_generation",
      currentRunId: runId,
      error: null,
      lastGoodStage: "created",
    });
  });

  it("reserves within the cap and clears only the current run's reservations", async () => {
    const session = await newSession(10_000);
    const runId = randomUUID();
    await startRun(db(), { sessionId: session.id, runId, ...images, patch: {} });
    expect(await reserveSessionBudget(db(), session.id, 6_000)).toBe(true);
    expect(await reserveSessionBudget(db(), session.id, 6_000)).toBe(false);
    await clearRunReservations(db(), session.id, randomUUID());
    expect((await findSessionById(db(), session.id))?.reservedMicros).toBe(6_000);
    await clearRunReservations(db(), session.id, runId);
    expect((await findSessionById(db(), session.id))?.reservedMicros).toBe(0);
  });
});
