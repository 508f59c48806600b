import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GENERATION_QUEUE, type GenerationJobData } from "./queue";
import { startPipeline, type PipelineHarness } from "./test/harness";
import { startWorker } from "./worker";

/*
 * Issue 9, fault 9: a worker that dies is not a failing job. Interruptions spend pg-boss's
 * large claim budget (with back-off); only the job's own errors spend its small one
 * (failures.test.ts: a passing fault is retried 3 times, then the run fails).
 */

let h: PipelineHarness;
beforeAll(async () => {
  h = await startPipeline({ workerMode: "external" });
});
afterAll(() => h.close());

describe("interrupted jobs", () => {
  it("survives more worker deaths than the job's failure budget, then finishes", async () => {
    const session = await h.newSession();
    await h.pipeline.generateImages(session, {
      sessionId: session.id,
      productPrompt: "Walnut cutting board",
      numImages: 4,
      styleKeywords: [],
    });
    const { boss } = h.pipeline.deps;
    // Four workers in a row take the job and die with it (pg-boss fails the claim, as the
    // supervisor does when a heartbeat stops): more than the 1 + 3 a failing job gets.
    for (let death = 0; death < 4; death++) {
      const [job] = await boss.fetch<GenerationJobData>(GENERATION_QUEUE, {
        ignoreStartAfter: true,
      });
      expect(job?.data.sessionId).toBe(session.id);
      await boss.fail(GENERATION_QUEUE, job!.id, { message: "worker stopped heartbeating" });
    }

    const worker = await startWorker(h.pipeline.deps, { concurrency: 1, heartbeatSeconds: 10 });
    try {
      const events = await h.untilDone(session.id);
      expect(events.at(-1)?.event).toMatchObject({ stage: "image_selection", done: true });
      expect(await h.reload(session.id)).toMatchObject({
        stage: "image_selection",
        reservedMicros: 0,
        totalCostMicros: 13_000,
      });
    } finally {
      await worker.stop();
    }
  });
});
