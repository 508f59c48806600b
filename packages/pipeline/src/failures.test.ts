import { randomUUID } from "node:crypto";
import { startRun } from "@adgen/db";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DEAD_LETTER_QUEUE, startWorker, STEPS } from "./index";
import type { GenerationJobData } from "./queue";
import { makeImages } from "./test/flow";
import { startPipeline, type PipelineHarness } from "./test/harness";

let h: PipelineHarness;
beforeAll(async () => {
  h = await startPipeline();
});
beforeEach(() => h.reset());
afterAll(() => h.close());

describe("failures", () => {
  it("retries a passing fault, then fails the session with a readable error", async () => {
    h.faults.failAllImages = true;
    h.faults.retryable = true;
    const { session, events } = await makeImages(h, await h.newSession(), 4);
    expect(events.at(-1)?.event).toMatchObject({ stage: "failed", done: true });
    const retries = events.filter((e) => e.event.message.endsWith("Retrying…"));
    // pg-boss makes 1 + retryLimit (3) attempts; the last one fails the run.
    expect(retries).toHaveLength(3);
    expect(session).toMatchObject({ stage: "failed", lastGoodStage: "created", reservedMicros: 0 });
    expect(session.error).toMatch(/^Every image failed: The image model could not render/);
    const { lines, totalMicros } = await h.costs(session.id);
    // The prompt was parsed (and paid) once; every attempt's billed failures are recorded.
    expect(lines.filter((l) => l.agent === "prompt_parser")).toHaveLength(1);
    expect(lines.filter((l) => !l.success)).toHaveLength(4 * 4);
    expect(totalMicros).toBe(1_000 + 16 * 3_000);
    expect(session.totalCostMicros).toBe(totalMicros);
  });

  it("ends in failed a run whose job died more often than its retries allow", async () => {
    // No worker yet: the job waits, as if its workers kept dying before finishing it.
    const external = await startPipeline({ workerMode: "external" });
    try {
      const start = await external.newSession();
      const { jobId: runId } = await external.pipeline.generateImages(start, {
        sessionId: start.id,
        productPrompt: "Canvas tote bag",
        numImages: 4,
        styleKeywords: [],
      });
      const { boss } = external.pipeline.deps;
      const queue = await boss.getQueue(STEPS.generateImages.queue);
      expect(queue?.deadLetter).toBe(DEAD_LETTER_QUEUE);
      // A worker takes the job and dies with it; once that has happened more often than the
      // queue's retries allow, pg-boss delivers the job's data to the dead-letter queue.
      const [job] = await boss.fetch<GenerationJobData>(STEPS.generateImages.queue);
      expect(job?.data).toEqual({ sessionId: start.id, runId, step: "generateImages" });
      await boss.send(DEAD_LETTER_QUEUE, job!.data);

      const worker = await startWorker(external.pipeline.deps, { concurrency: 1 });
      try {
        const events = await external.untilDone(start.id);
        const reason = "The job stopped unexpectedly several times. Please try again.";
        expect(events.at(-1)?.event).toMatchObject({ stage: "failed", error: reason });
        expect(await external.reload(start.id)).toMatchObject({
          stage: "failed",
          error: reason,
          lastGoodStage: "created",
          currentRunId: runId,
        });
      } finally {
        await worker.stop();
      }
    } finally {
      await external.close();
    }
  });

  it("dead-letters only the job's own run: a newer run of the session goes on", async () => {
    const external = await startPipeline({ workerMode: "external" });
    try {
      const start = await external.newSession();
      const { jobId: oldRun } = await external.pipeline.generateImages(start, {
        sessionId: start.id,
        productPrompt: "Canvas tote bag",
        numImages: 4,
        styleKeywords: [],
      });
      // The session moved on to a newer run of the same step before the old job died.
      const newRun = randomUUID();
      const from = ["image_generation"] as const;
      const to = "image_generation";
      await startRun(external.testDb.conn.db, {
        sessionId: start.id,
        runId: newRun,
        from,
        to,
        patch: {},
      });
      const { boss } = external.pipeline.deps;
      const data: GenerationJobData = {
        sessionId: start.id,
        runId: oldRun,
        step: "generateImages",
      };
      const deadId = await boss.send(DEAD_LETTER_QUEUE, data);

      const worker = await startWorker(external.pipeline.deps, { concurrency: 1 });
      try {
        await vi.waitFor(
          async () =>
            expect((await boss.getJobById(DEAD_LETTER_QUEUE, deadId!))?.state).toBe("completed"),
          { timeout: 30_000, interval: 200 },
        );
        expect(await external.reload(start.id)).toMatchObject({
          stage: "image_generation",
          currentRunId: newRun,
          error: null,
        });
      } finally {
        await worker.stop();
      }
    } finally {
      await external.close();
    }
  });
});
