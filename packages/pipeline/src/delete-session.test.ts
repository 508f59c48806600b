import { listSessionAssets, listSessionCosts } from "@adgen/db";
import { sessionPrefix } from "@adgen/storage";
import { readdir } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cancelSessionJobs, findSessionJobs } from "./delete-session";
import { startPipeline, type PipelineHarness } from "./test/harness";
import { startWorker } from "./worker";

/** No embedded worker: the test decides when jobs run. */
let h: PipelineHarness;
beforeAll(async () => {
  h = await startPipeline({ workerMode: "external" });
});
afterAll(() => h.close());

const images = (sessionId: string) => ({
  sessionId,
  productPrompt: "Matte black aluminium water bottle",
  numImages: 4,
  styleKeywords: [],
});

async function filesOf(sessionId: string): Promise<string[]> {
  const dir = h.storage.pathFor(sessionPrefix(sessionId));
  return readdir(dir, { recursive: true }).catch(() => []);
}

async function jobStates(sessionId: string) {
  return (await findSessionJobs(h.pipeline.deps, sessionId)).map((job) => job.state);
}

describe("deleting a session", () => {
  it("deletes a running session and cancels its queued job", async () => {
    const session = await h.newSession();
    await h.pipeline.generateImages(session, images(session.id));
    expect(await jobStates(session.id)).toEqual(["created"]);

    expect(await h.pipeline.deleteSession(session.userId, session.id)).toBe(true);
    expect(await jobStates(session.id)).toEqual(["cancelled"]);
    expect(await listSessionAssets(h.testDb.conn.db, session.id)).toEqual([]);
    expect(await h.pipeline.deleteSession(session.userId, session.id)).toBe(false);
  });

  it("only deletes the owner's session", async () => {
    const session = await h.newSession();
    expect(await h.pipeline.deleteSession("someone-else", session.id)).toBe(false);
    expect((await h.reload(session.id)).id).toBe(session.id);
  });

  it("a job that starts after its session was deleted writes nothing and charges nothing", async () => {
    // The request that raced the delete queues its job after the delete cancelled the rest.
    const session = await h.newSession();
    await h.pipeline.generateImages(session, images(session.id));
    const [queued] = await findSessionJobs(h.pipeline.deps, session.id);
    if (!queued) throw new Error("the request queued no job");
    await h.pipeline.deleteSession(session.userId, session.id);
    await h.pipeline.deps.boss.send(queued.queue, queued.data);

    const done = vi.fn();
    const worker = await startWorker(h.pipeline.deps, { concurrency: 1, onJobDone: done });
    try {
      await vi.waitFor(() => expect(done).toHaveBeenCalledWith(expect.any(String), session.id), {
        timeout: 30_000,
      });
    } finally {
      await worker.stop();
    }
    expect(await filesOf(session.id)).toEqual([]);
    expect(await listSessionCosts(h.testDb.conn.db, session.id)).toEqual([]);
    expect(await cancelSessionJobs(h.pipeline.deps, session.id)).toBe(0);
  });
});
