import { randomUUID } from "node:crypto";
import { claimRunAttempt, startRun } from "@adgen/db";
import { usdToMicros } from "@adgen/schemas";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BudgetExceededError } from "./errors";
import type { Provider } from "@adgen/agents";
import { createLocalProvider } from "@adgen/provider-local";
import {
  billingRecorder,
  commitUnit,
  paidCall,
  reclaimDeadReservations,
  reserve,
  settleInterruptedCalls,
  type CallLine,
  type LedgerDeps,
} from "./ledger";
import { startPipeline, type PipelineHarness } from "./test/harness";

/*
 * Issue 9, fault 8, the kill window: a model call that returned just before its worker was
 * `kill -9`ed was paid, but its unit was never committed. The next attempt takes over from
 * the dead one: the call must still have its one ledger line (interrupted, charged at its
 * estimate), counted in the session's total and under its cap. When the provider can say
 * what the call was really billed (a Replicate prediction's metrics), that replaces the
 * estimate, so calls cut short cost what they cost and no session fails on its cap for
 * money it never spent.
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
async function takeOver(sessionId: string, self: string, deps: LedgerDeps = ledger()) {
  await reclaimDeadReservations(deps, sessionId, 0, self);
}

/** The ledger's dependencies; the local provider cannot say what a cut-short call cost. */
const ledger = (provider: Provider = createLocalProvider()): LedgerDeps => ({
  db: h.testDb.conn.db,
  provider,
});

/**
 * A provider whose bills are looked up by reference, like Replicate's predictions: `bills`
 * maps each reference to what it was billed, or to null while it is still running.
 */
function billingProvider(bills: Map<string, number | null>) {
  const asked: string[][] = [];
  const provider: Provider = {
    ...createLocalProvider(),
    settleInterrupted: async (refs) => {
      asked.push(refs);
      let usd = 0;
      for (const ref of refs) {
        const billed = bills.get(ref);
        if (billed === undefined || billed === null) return null;
        usd += billed;
      }
      return usd;
    },
  };
  return { provider, asked };
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
    await paidCall(ledger(), first, line(sessionId), ESTIMATE, call);

    // pg-boss starts the job again: the new attempt takes over and makes the unit.
    const second = await attempt();
    await takeOver(sessionId, second.attemptId);
    const made = await paidCall(ledger(), second, line(sessionId), ESTIMATE, call);
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
    await expect(reserve(ledger(), second, ESTIMATE)).rejects.toBeInstanceOf(BudgetExceededError);
  });

  it("charges a call killed before it reached the provider at its estimate too", async () => {
    const { sessionId, attempt } = await imageRun(1);
    const first = await attempt();
    // Reserved with its pending line, then killed before the call went out.
    await reserve(ledger(), first, ESTIMATE, line(sessionId));
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

describe("a call cut short, settled at what its provider billed", () => {
  it("replaces the estimate with the provider's bill for everything the call started", async () => {
    const { sessionId, attempt } = await imageRun(1);
    const { provider, asked } = billingProvider(
      new Map([
        ["prediction-a", 0.0005],
        ["prediction-b", 0.001],
      ]),
    );
    const first = await attempt();
    // The call starts two billable predictions (a retry), then its worker is killed.
    await reserve(ledger(provider), first, ESTIMATE, line(sessionId));
    await billingRecorder(h.testDb.conn.db, first, line(sessionId))("prediction-a");
    await billingRecorder(h.testDb.conn.db, first, line(sessionId))("prediction-b");

    const second = await attempt();
    await takeOver(sessionId, second.attemptId, ledger(provider));

    expect(asked).toEqual([["prediction-a", "prediction-b"]]);
    const { lines } = await h.costs(sessionId);
    expect(lines.map((l) => [l.status, l.costMicros, l.error])).toEqual([
      [
        "interrupted",
        usdToMicros(0.0015),
        "Interrupted: its worker stopped during the call; charged what the provider billed for it.",
      ],
    ]);
    expect(await h.reload(sessionId)).toMatchObject({
      totalCostMicros: usdToMicros(0.0015),
      reservedMicros: 0,
    });

    // Settled once: asking again changes nothing.
    expect(await settleInterruptedCalls(ledger(provider), sessionId)).toBe(0);
    expect(asked).toHaveLength(1);
  });

  it("lets the next call through when the cut-short calls were billed less than their estimates", async () => {
    // Room for exactly two image calls at the estimate.
    const { sessionId, attempt } = await imageRun(0.006);
    const { provider } = billingProvider(
      new Map([
        ["never-ran-1", 0],
        ["never-ran-2", 0],
      ]),
    );
    const first = await attempt();
    for (const [index, ref] of ["never-ran-1", "never-ran-2"].entries()) {
      const unit = { ...line(sessionId), workKey: `image:${index}` };
      await reserve(ledger(provider), first, ESTIMATE, unit);
      await billingRecorder(h.testDb.conn.db, first, unit)(ref);
    }

    // The cap is full of the dead attempt's reservations. The refusal path takes them back
    // (a zero heartbeat: the dead attempt's lease has run out) and settles its two calls.
    const second = { ...(await attempt()), heartbeatSeconds: 0 };
    await expect(
      reserve(ledger(provider), second, ESTIMATE, { ...line(sessionId), workKey: "image:2" }),
    ).resolves.toBeUndefined();
    const session = await h.reload(sessionId);
    expect(session.totalCostMicros).toBe(0);
    expect(session.reservedMicros).toBe(ESTIMATE);
  });

  it("keeps the estimate while the provider cannot say, and settles when it can", async () => {
    const { sessionId, attempt } = await imageRun(1);
    const bills = new Map<string, number | null>([["still-running", null]]);
    const { provider } = billingProvider(bills);
    const first = await attempt();
    await reserve(ledger(provider), first, ESTIMATE, line(sessionId));
    await billingRecorder(h.testDb.conn.db, first, line(sessionId))("still-running");
    const second = await attempt();
    await takeOver(sessionId, second.attemptId, ledger(provider));
    expect((await h.reload(sessionId)).totalCostMicros).toBe(ESTIMATE);

    // Later (the maintenance sweep asks every session): the prediction has stopped.
    bills.set("still-running", 0.002);
    expect(await settleInterruptedCalls(ledger(provider))).toBe(1);
    expect((await h.reload(sessionId)).totalCostMicros).toBe(usdToMicros(0.002));
  });

  it("never asks about a call that noted nothing: it stays at its estimate", async () => {
    const { sessionId, attempt } = await imageRun(1);
    const { provider, asked } = billingProvider(new Map());
    const first = await attempt();
    await reserve(ledger(provider), first, ESTIMATE, line(sessionId));
    const second = await attempt();
    await takeOver(sessionId, second.attemptId, ledger(provider));
    expect(asked).toEqual([]);
    expect((await h.reload(sessionId)).totalCostMicros).toBe(ESTIMATE);
  });
});
