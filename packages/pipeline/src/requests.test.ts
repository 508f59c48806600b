import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PipelineDeps } from "./deps";
import { STEPS } from "./steps";
import { startPipeline, type PipelineHarness } from "./test/harness";

let h: PipelineHarness;
beforeAll(async () => {
  // No worker here: the test plays a worker that starts the instant the job is sent.
  h = await startPipeline({ workerMode: "external" });
});
afterAll(() => h.close());

/** A queue whose worker publishes its first event as soon as the job exists. */
function instantWorker(deps: PipelineDeps): PgBoss {
  return new Proxy(deps.boss, {
    get(target, prop, receiver) {
      if (prop !== "send") return Reflect.get(target, prop, receiver) as unknown;
      return async (...args: Parameters<PgBoss["send"]>) => {
        const jobId = await target.send(...args);
        const data = args[1] as { sessionId: string };
        await deps.events.publish(data.sessionId, {
          stage: "image_generation",
          progress: 5,
          message: "Rendering…",
        });
        return jobId;
      };
    },
  });
}

describe("a job step's request", () => {
  it("publishes Queued before the job can publish anything", async () => {
    const session = await h.newSession();
    const deps = { ...h.pipeline.deps, boss: instantWorker(h.pipeline.deps) };
    await STEPS.generateImages.request(deps, session, {
      sessionId: session.id,
      productPrompt: "Matte black aluminium water bottle",
      numImages: 4,
      styleKeywords: [],
    });
    const events = [];
    for await (const item of h.pipeline.events.follow(session.id)) {
      events.push(item);
      if (events.length === 2) break;
    }
    expect(events.map((e) => [e.id, e.event.message])).toEqual([
      [1, "Queued 4 product images…"],
      [2, "Rendering…"],
    ]);
  });
});
