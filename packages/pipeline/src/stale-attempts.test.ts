import { randomUUID } from "node:crypto";
import type { Provider } from "@adgen/agents";
import { claimRunAttempt, listSessionAssets, listSessionAttempts, startRun } from "@adgen/db";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startPipeline, type PipelineHarness } from "./test/harness";
import { overrideModel } from "./test/models";

/*
 * Issue 9, fault 1: an attempt that lost its run (pg-boss started the job again while the
 * old worker was still alive, or a newer run replaced it) must neither end the run nor
 * store its work, must make no further paid call, and must still record the calls it had
 * in flight (fault 8).
 */

let h: PipelineHarness;
/**
 * Image calls wait here until the test opens the gate (calls in flight at a takeover).
 * They ignore the attempt's signal, like a model that cannot be cancelled: the call runs
 * to its end and is paid.
 */
let gate = openableGate();
let imageCalls = 0;

function openableGate() {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function gatedImages(provider: Provider): Provider {
  return overrideModel(provider, "imageModel", (base) => ({
    generate: async (req) => {
      imageCalls++;
      await gate.promise;
      return base.generate({ ...req, signal: undefined });
    },
  }));
}

beforeAll(async () => {
  h = await startPipeline({ wrap: gatedImages });
});
beforeEach(() => {
  h.reset();
  gate = openableGate();
  imageCalls = 0;
});
afterAll(async () => {
  gate.resolve();
  await h.close();
});

/** Queues 6 images (4 are called at once) and waits until 4 calls are in flight. */
async function startImagesInFlight() {
  const session = await h.newSession();
  const { jobId: runId } = await h.pipeline.generateImages(session, {
    sessionId: session.id,
    productPrompt: "Brushed steel desk lamp",
    numImages: 6,
    styleKeywords: [],
  });
  await vi.waitFor(() => expect(imageCalls).toBe(4), { timeout: 30_000 });
  return { sessionId: session.id, runId };
}

/** Waits until every attempt of the session has ended (the stale one stopped). */
async function untilAttemptsEnded(sessionId: string, count: number) {
  await vi.waitFor(
    async () => {
      const rows = await listSessionAttempts(h.testDb.conn.db, sessionId);
      expect(rows.filter((r) => r.endedAt !== null)).toHaveLength(count);
    },
    { timeout: 30_000, interval: 100 },
  );
}

const agentLines = <L extends { agent: string }>(lines: L[], agent: string) =>
  lines.filter((l) => l.agent === agent);

describe("an attempt that lost its run", () => {
  it("stops at its next unit when a newer attempt of the run takes over, ending nothing", async () => {
    const { sessionId, runId } = await startImagesInFlight();
    // pg-boss presumed the worker dead and another worker started the job again.
    const takeover = { sessionId, runId, attemptId: randomUUID(), jobId: "elsewhere" };
    expect(
      await claimRunAttempt(h.testDb.conn.db, { ...takeover, stage: "image_generation" }),
    ).not.toBeNull();
    gate.resolve();
    await untilAttemptsEnded(sessionId, 1);

    // The four calls in flight finished for the same run: stored and charged once each.
    // The two units after them were never called.
    expect(imageCalls).toBe(4);
    const session = await h.reload(sessionId);
    expect(session).toMatchObject({
      stage: "image_generation",
      currentAttemptId: takeover.attemptId,
      reservedMicros: 0,
    });
    expect(await listSessionAssets(h.testDb.conn.db, sessionId, "image")).toHaveLength(4);
    const { lines, totalMicros } = await h.costs(sessionId);
    expect(agentLines(lines, "image_generator").map((l) => l.success)).toEqual(Array(4).fill(true));
    expect(totalMicros).toBe(1_000 + 4 * 3_000);
    expect(session.totalCostMicros).toBe(totalMicros);
  });

  it("cannot store work for, or end, a run that a newer run replaced; its paid calls are recorded", async () => {
    const { sessionId } = await startImagesInFlight();
    // The session moved on to a newer run of the step (cancelled and asked again).
    const newer = randomUUID();
    const replaced = await startRun(h.testDb.conn.db, {
      sessionId,
      runId: newer,
      from: ["image_generation"],
      to: "image_generation",
      patch: {},
    });
    expect(replaced).not.toBeNull();
    gate.resolve();
    await untilAttemptsEnded(sessionId, 1);

    expect(imageCalls).toBe(4);
    expect(await h.reload(sessionId)).toMatchObject({
      stage: "image_generation",
      currentRunId: newer,
      reservedMicros: 0,
    });
    expect(await listSessionAssets(h.testDb.conn.db, sessionId)).toHaveLength(0);
    const { lines, totalMicros } = await h.costs(sessionId);
    const images = agentLines(lines, "image_generator");
    expect(images.map((l) => l.error)).toEqual(
      Array(4).fill("Not kept: the run it was made for had been replaced or ended."),
    );
    // The parse and the four images were paid: each has its one line, nothing more.
    expect(totalMicros).toBe(1_000 + 4 * 3_000);
    expect((await h.reload(sessionId)).totalCostMicros).toBe(totalMicros);
  });
});
