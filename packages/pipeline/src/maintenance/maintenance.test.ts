import { utimes } from "node:fs/promises";
import { listSessionAssets } from "@adgen/db";
import { createLocalProvider } from "@adgen/provider-local";
import { assetKey, sessionPrefix } from "@adgen/storage";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { makeImages } from "../test/flow";
import { runMaintenance } from "./run-maintenance";
import { startPipeline, type PipelineHarness } from "../test/harness";

let h: PipelineHarness;
beforeAll(async () => {
  h = await startPipeline();
});
afterAll(() => h.close());

const png = { contentType: "image/png" };
const hourAgo = new Date(Date.now() - 3_600_000);

async function age(key: string) {
  await utimes(h.storage.pathFor(key), hourAgo, hourAgo);
}

async function keysOf(sessionId: string) {
  const keys: string[] = [];
  for await (const object of h.storage.list(sessionPrefix(sessionId))) keys.push(object.key);
  return keys.sort();
}

describe("maintenance", () => {
  it("deletes old files that no asset row points at, and nothing else", async () => {
    const { session, images } = await makeImages(h, await h.newSession(), 4);
    const file = (id: string) =>
      assetKey({ sessionId: session.id, kind: "image", id, extension: "png" });
    // A crash between storing a file and committing its row, long ago and just now.
    await h.storage.put(file("crashed"), Buffer.from("x"), png);
    await age(file("crashed"));
    await h.storage.put(file("committing"), Buffer.from("x"), png);
    // A file of a session that no longer exists.
    const gone = "00000000-0000-4000-8000-000000000000";
    const goneKey = assetKey({ sessionId: gone, kind: "video", id: "late", extension: "mp4" });
    await h.storage.put(goneKey, Buffer.from("x"), { contentType: "video/mp4" });
    await age(goneKey);
    for (const image of images) await age(image.storageKey);

    const report = await h.pipeline.runMaintenance({ orphanGraceMs: 60_000 });
    expect(report.orphanObjects.sort()).toEqual([file("crashed"), goneKey].sort());
    expect(await keysOf(session.id)).toEqual(
      [...images.map((i) => i.storageKey), file("committing")].sort(),
    );
    expect(await keysOf(gone)).toEqual([]);
  });

  it("leaves nothing of a session deleted while its images were rendering", async () => {
    h.faults.latencyMs = 300;
    const session = await h.newSession();
    await h.pipeline.generateImages(session, {
      sessionId: session.id,
      productPrompt: "Matte black aluminium water bottle",
      numImages: 6,
      styleKeywords: [],
    });
    await vi.waitFor(
      async () =>
        expect((await listSessionAssets(h.testDb.conn.db, session.id)).length).toBeGreaterThan(0),
      { timeout: 30_000, interval: 50 },
    );
    expect(await h.pipeline.deleteSession(session.userId, session.id)).toBe(true);
    // A graceful stop waits for the attempt still in flight: whatever it stored after the
    // delete has no row, and the sweep removes it.
    await h.pipeline.stop();
    await runMaintenance(
      { db: h.testDb.conn.db, storage: h.storage, provider: createLocalProvider() },
      { orphanGraceMs: 0 },
    );
    expect(await keysOf(session.id)).toEqual([]);
  });
});
