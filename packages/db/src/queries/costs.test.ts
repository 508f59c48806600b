import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing";
import { insertUser } from "./auth";
import { listSessionAssets } from "./assets";
import {
  commitAssetWithCosts,
  commitPlanWithCost,
  endAttempt,
  listSessionCosts,
  recordCostLine,
  releaseDeadAttempts,
  reserveSessionBudget,
  type NewCostLine,
} from "./costs";
import { claimRunAttempt, moveRunStage, startRun } from "./runs";
import { findSessionById, insertSession } from "./sessions";

let testDb: TestDatabase;
const db = () => testDb.conn.db;

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.drop());

const STAGE = "image_generation" as const;

/** A session with a running run and one attempt that owns it. */
async function runningSession(budgetMicros: number) {
  const userId = `u-${randomUUID()}`;
  await insertUser(db(), { id: userId, email: `${userId}@example.com`, passwordHash: "x" });
  const session = await insertSession(db(), { userId, budgetMicros });
  const runId = randomUUID();
  const from = ["created"] as const;
  await startRun(db(), { sessionId: session.id, runId, from, to: STAGE, patch: {} });
  const attempt = await newAttempt(session.id, runId);
  return { sessionId: session.id, runId, attempt };
}

async function newAttempt(sessionId: string, runId: string) {
  const attempt = { sessionId, runId, attemptId: randomUUID() };
  await claimRunAttempt(db(), { ...attempt, jobId: `job-${runId}`, stage: STAGE });
  return attempt;
}

const reload = async (id: string) => (await findSessionById(db(), id))!;

function line(
  attempt: { sessionId: string; attemptId: string },
  workKey: string,
  micros: number,
): NewCostLine {
  return {
    sessionId: attempt.sessionId,
    attemptId: attempt.attemptId,
    stage: STAGE,
    agent: "image_generator",
    model: "m",
    costMicros: micros,
    durationMs: 1,
    success: true,
    workKey,
    reservedMicros: micros,
  };
}

describe("the ledger's statements", () => {
  it("lets exactly 10 of 50 parallel reservations through a budget that holds 10", async () => {
    const { sessionId, attempt } = await runningSession(10 * 3_000);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => reserveSessionBudget(db(), attempt, 3_000)),
    );
    expect(results.filter((r) => r === "reserved")).toHaveLength(10);
    expect(results.filter((r) => r === "over_budget")).toHaveLength(40);
    expect(await reload(sessionId)).toMatchObject({ reservedMicros: 30_000 });

    // Charging them all moves the money from reserved to spent.
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        recordCostLine(db(), line(attempt, `image:${i}`, 3_000)),
      ),
    );
    expect(await reload(sessionId)).toMatchObject({ reservedMicros: 0, totalCostMicros: 30_000 });
    expect(await reserveSessionBudget(db(), attempt, 1)).toBe("over_budget");
  });

  it("gives back what a dead attempt held, never what a live one holds", async () => {
    const { sessionId, runId, attempt: stale } = await runningSession(10_000);
    expect(await reserveSessionBudget(db(), stale, 4_000)).toBe("reserved");
    // pg-boss presumed the worker dead and started the job again: the new attempt owns the run.
    const fresh = await newAttempt(sessionId, runId);
    expect(await reserveSessionBudget(db(), stale, 1_000)).toBe("run_lost");
    expect(await reserveSessionBudget(db(), fresh, 6_000)).toBe("reserved");
    // The old attempt is still alive (its lease is fresh): its call in flight keeps its money.
    expect(await releaseDeadAttempts(db(), sessionId, 60)).toBe(0);
    expect(await reserveSessionBudget(db(), fresh, 1)).toBe("over_budget");
    // Its paid call comes back: recorded once, and only its own reservation is given back.
    await recordCostLine(db(), line(stale, "image:0", 4_000));
    expect(await reload(sessionId)).toMatchObject({
      reservedMicros: 6_000,
      totalCostMicros: 4_000,
    });
    // Giving back twice gives nothing: an attempt holds what it reserved, no more.
    await endAttempt(db(), { sessionId, attemptId: stale.attemptId, failed: false });
    expect((await reload(sessionId)).reservedMicros).toBe(6_000);
    // An attempt never takes itself for dead, whatever its lease says.
    expect(await releaseDeadAttempts(db(), sessionId, 0, fresh.attemptId)).toBe(0);
    // Silent past its lease, an attempt is dead and its reservations return.
    expect(await releaseDeadAttempts(db(), sessionId, 0)).toBe(6_000);
    expect((await reload(sessionId)).reservedMicros).toBe(0);
  });

  it("stores a unit once; a loser's and a replaced run's paid calls are recorded, not kept", async () => {
    const { sessionId, runId, attempt } = await runningSession(100_000);
    const asset = (workKey: string) => ({
      id: randomUUID(),
      sessionId,
      type: "image" as const,
      storageKey: `k/${randomUUID()}`,
      contentType: "image/png",
      workKey,
      metadata: { prompt: "p", negativePrompt: "", runId, viewIndex: 0 },
    });
    for (let i = 0; i < 2; i++) await reserveSessionBudget(db(), attempt, 3_000);
    const first = await commitAssetWithCosts(db(), { runId, stage: STAGE }, asset("image:0"), [
      line(attempt, "image:0", 3_000),
    ]);
    expect(first.status).toBe("stored");
    const second = await commitAssetWithCosts(db(), { runId, stage: STAGE }, asset("image:0"), [
      line(attempt, "image:0", 3_000),
    ]);
    expect(second.status).toBe("duplicate");

    // A newer run replaces this one: the old run's unit is not stored, its call is charged.
    const newer = randomUUID();
    const from = [STAGE] as const;
    await startRun(db(), { sessionId, runId: newer, from, to: STAGE, patch: {} });
    const lost = await commitAssetWithCosts(db(), { runId, stage: STAGE }, asset("image:1"), [
      line(attempt, "image:1", 3_000),
    ]);
    expect(lost.status).toBe("run_lost");

    expect(await listSessionAssets(db(), sessionId)).toHaveLength(1);
    const lines = await listSessionCosts(db(), sessionId);
    expect(lines.map((l) => [l.workKey?.split("#")[0], l.error])).toEqual([
      ["image:0", null],
      ["image:0", "Not kept: another attempt stored this unit first."],
      ["image:1", "Not kept: the run it was made for had been replaced or ended."],
    ]);
    expect(await reload(sessionId)).toMatchObject({ totalCostMicros: 9_000, reservedMicros: 0 });
  });

  it("stores nothing for a run that has already ended its stage", async () => {
    const { sessionId, runId, attempt } = await runningSession(100_000);
    await moveRunStage(db(), { sessionId, runId, from: STAGE, to: "image_selection" });
    const asset = {
      sessionId,
      type: "image" as const,
      storageKey: "k/late",
      contentType: "image/png",
      workKey: "image:late",
      metadata: { prompt: "p", negativePrompt: "", runId, viewIndex: 0 },
    };
    const late = await commitAssetWithCosts(db(), { runId, stage: STAGE }, asset, [
      line(attempt, "image:late", 0),
    ]);
    expect(late.status).toBe("run_lost");
    expect(await listSessionAssets(db(), sessionId)).toHaveLength(0);
  });

  it("saves a plan with its cost line, once per run", async () => {
    const { sessionId, runId, attempt } = await runningSession(100_000);
    const plan = { plan: { runId, parsedPrompt: undefined } };
    const parse = { ...line(attempt, `parse:${runId}`, 1_000), agent: "prompt_parser" };
    expect(await commitPlanWithCost(db(), runId, plan, parse)).toBe("saved");
    expect(await commitPlanWithCost(db(), runId, plan, parse)).toBe("duplicate");
    expect(await commitPlanWithCost(db(), randomUUID(), plan, parse)).toBe("run_lost");
    const lines = await listSessionCosts(db(), sessionId);
    expect(lines.filter((l) => l.workKey === `parse:${runId}`)).toHaveLength(1);
    expect(lines).toHaveLength(3);
    expect(await reload(sessionId)).toMatchObject({ totalCostMicros: 3_000, plan: { runId } });
  });
});
