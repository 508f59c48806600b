import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing";
import { insertUser } from "./auth";
import { findCurrentRun, moveRunStage, startRun, claimRunAttempt, touchRunAttempt } from "./runs";
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

  it("lets only the attempt that claimed a run last end it", async () => {
    const session = await newSession();
    const runId = randomUUID();
    await startRun(db(), { sessionId: session.id, runId, ...images, patch: {} });
    const attempt = (attemptId: string) => ({
      sessionId: session.id,
      runId,
      attemptId,
      jobId: "job-1",
      stage: "image_generation" as const,
    });
    const [stale, fresh] = [attempt(randomUUID()), attempt(randomUUID())];
    expect(await claimRunAttempt(db(), stale)).toMatchObject({ currentAttemptId: stale.attemptId });
    expect(await claimRunAttempt(db(), fresh)).toMatchObject({ currentAttemptId: fresh.attemptId });
    expect(await touchRunAttempt(db(), stale)).toBe(false);
    expect(await touchRunAttempt(db(), fresh)).toBe(true);

    const end = (attemptId: string) =>
      moveRunStage(db(), { ...fresh, attemptId, from: "image_generation", to: "image_selection" });
    expect(await end(stale.attemptId)).toBeNull();
    expect(await end(fresh.attemptId)).toMatchObject({ stage: "image_selection" });
    // A run no longer in the attempt's stage cannot be claimed again.
    expect(await claimRunAttempt(db(), attempt(randomUUID()))).toBeNull();
    expect(await touchRunAttempt(db(), fresh)).toBe(false);
  });
});
