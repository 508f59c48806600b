import { randomUUID } from "node:crypto";
import { claimRunAttempt, startRun } from "@adgen/db";
import { usdToMicros } from "@adgen/schemas";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BudgetExceededError } from "./errors";
import { commitUnit, paidCall, reclaimDeadReservations, reserve, type CallLine } from "./ledger";
import { startPipeline, type PipelineHarness } from "./test/harness";

/*
 * Issue 9, fault 8, the kill window: a model call that returned just before its worker was
 * `kill -9`ed was paid, but its unit was never committed. The next attempt takes over from
 * the dead one: the call must still have its one ledger line (interrupted, charged at its
 * estimate), counted in the session's total and under its cap.
 */

let h: PipelineHarness;
const HEARTBEAT = 60;
const ESTIMATE = usdToMicros(0.003);

beforeAll(async () => {
  h = await startPipeline();
});
beforeEach(() => h.reset());
afterAll(async () => {
  await h.close();
});

/** A session in image generation, with its budget, and a way to start attempts of its run. */
async function imageRun(budgetUsd: number) {
  const session = await h.newSession(budgetUsd);
  const runId = randomUUID();
  const db = h.testDb.conn.db;
  const started = await startRun(db, {
    sessionId: session.id,
    runId,
    from: [session.stage],
    to: "image_generation",
    patch: {},
  });
  expect(started).not.toBeNull();
  const attempt = async () => {
    const attemptId = randomUUID();
    const ref = { sessionId: session.id, runId, attemptId, jobId: randomUUID() };
    expect(await claimRunAttempt(db, { ...ref, stage: "image_generation" })).not.toBeNull();
    const controller = new AbortController();
    return {
      ...ref,
      heartbeatSeconds: HEARTBEAT,
      signal: controller.signal,
      lose: () => controller.abort(),
    };
  };
  return { sessionId: session.id, attempt };
}

/**
 * A new attempt takes over from the killed one. The killed attempt beats no more, so its
 * lease runs out: sweeping with a zero lease is that moment, without waiting for it.
 */
async function takeOver(sessionId: string, self: string) {
  await reclaimDeadReservations(h.testDb.conn.db, sessionId, 0, self);
}

const line = (sessionId: string): CallLine => ({
  sessionId,
  stage: "image_generation",
  agent: "image_generator",
  model: "test-image",
  workKey: "image:0",
});

describe("a call paid just before its worker was killed", () => {
  it("keeps one line, charged at its estimate, when a new attempt takes over", async () => {
    // Room for exactly two image calls.
    const { sessionId, attempt } = await imageRun(0.006);
    let paid = 0;
    const call = async () => {
      paid++;
      return { output: null, model: "test-image", costUsd: 0.003, durationMs: 5 };
    };

    // The first attempt's call returns, then its worker dies before committing the unit.
    const first = await attempt();
    await paidCall(h.testDb.conn.db, first, line(sessionId), ESTIMATE, call);

    // pg-boss starts the job again: the new attempt takes over and makes the unit.
    const second = await attempt();
    await takeOver(sessionId, second.attemptId);
    const made = await paidCall(h.testDb.conn.db, second, line(sessionId), ESTIMATE, call);
    await commitUnit({ db: h.testDb.conn.db, storage: h.storage }, second, {
      sessionId,
      stage: "image_generation",
      workKey: "image:0",
      kind: "image",
      file: { bytes: Buffer.from("png"), contentType: "image/png", extension: "png" },
      asset: {
        viewType: "front",
        metadata: { prompt: "p", negativePrompt: "", runId: "r", viewIndex: 0 },
      },
      charges: [{ agent: "image_generator", billed: made, reservedMicros: ESTIMATE }],
    });

    // Two paid calls, two lines: the dead attempt's, interrupted, and the unit's charge.
    expect(paid).toBe(2);
    const { lines, totalMicros } = await h.costs(sessionId);
    expect(lines.map((l) => [l.status, l.costMicros, l.attemptId])).toEqual([
      ["interrupted", ESTIMATE, first.attemptId],
      ["charged", ESTIMATE, second.attemptId],
    ]);
    const session = await h.reload(sessionId);
    expect(session.totalCostMicros).toBe(2 * ESTIMATE);
    expect(session.totalCostMicros).toBe(totalMicros);
    expect(session.reservedMicros).toBe(0);

    // The interrupted call counts toward the cap: a third call is refused before it is made.
    await expect(reserve(h.testDb.conn.db, second, ESTIMATE)).rejects.toBeInstanceOf(
      BudgetExceededError,
    );
  });

  it("charges a call killed before it reached the provider at its estimate too", async () => {
    const { sessionId, attempt } = await imageRun(1);
    const first = await attempt();
    // Reserved with its pending line, then killed before the call went out.
    await reserve(h.testDb.conn.db, first, ESTIMATE, line(sessionId));
    const second = await attempt();
    await takeOver(sessionId, second.attemptId);

    const { lines } = await h.costs(sessionId);
    expect(lines.map((l) => [l.status, l.costMicros])).toEqual([["interrupted", ESTIMATE]]);
    expect(await h.reload(sessionId)).toMatchObject({
      totalCostMicros: ESTIMATE,
      reservedMicros: 0,
    });
  });
});
