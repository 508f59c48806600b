import type { Provider } from "@adgen/agents";
import { listSessionAssets } from "@adgen/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeRequest } from "./test/fixtures";
import { makeClips, makeImages, orderClips } from "./test/flow";
import { startPipeline, type PipelineHarness } from "./test/harness";
import { overrideModel } from "./test/models";

/*
 * Issue 9, proof: a compose that crashes after its music bed was paid, and is retried,
 * charges the music once and stores one final video.
 */

let h: PipelineHarness;
let musicCalls = 0;

/** The music model at a price, like a paid one (0.004 per call). */
function pricedMusic(provider: Provider): Provider {
  return overrideModel(provider, "musicModel", (base) => ({
    estimateCostUsd: () => 0.004,
    compose: async (req) => {
      musicCalls++;
      return { ...(await base.compose(req)), costUsd: 0.004 };
    },
  }));
}

beforeAll(async () => {
  h = await startPipeline({ wrap: pricedMusic });
});
afterAll(() => h.close());

describe("a compose retried after a crash", () => {
  // Images, clips and a video twice: minutes on a busy machine, so a hang is what times out.
  it("reuses the paid music bed and stores one final video", { timeout: 300_000 }, async () => {
    const made = await makeClips(h, await makeImages(h, await h.newSession(), 4), 2);
    const sessionId = made.session.id;
    const order = made.clips.map((c) => c.id);
    const session = await orderClips(h, made.session, order);

    // The first attempt dies while storing the final video, after the music was committed.
    const { put } = h.storage;
    let crashes = 1;
    h.storage.put = async (key, body, options) => {
      if (key.includes("/final/") && crashes-- > 0) throw new Error("worker lost its disk");
      return put(key, body, options);
    };
    try {
      await h.pipeline.composeFinalVideo(session, composeRequest(sessionId, "Aurora"));
      const events = await h.untilDone(sessionId, made.lastEventId);
      expect(events.some((e) => e.event.message.endsWith("Retrying…"))).toBe(true);
      expect(events.at(-1)?.event).toMatchObject({ stage: "complete", done: true });
    } finally {
      h.storage.put = put;
    }
    expect(crashes).toBeLessThan(0);

    expect(musicCalls).toBe(1);
    const db = h.testDb.conn.db;
    expect(await listSessionAssets(db, sessionId, "audio")).toHaveLength(1);
    const finals = await listSessionAssets(db, sessionId, "final_video");
    expect(finals).toHaveLength(1);
    const { lines, totalMicros } = await h.costs(sessionId);
    expect(lines.filter((l) => l.agent === "music").map((l) => l.costMicros)).toEqual([4_000]);
    const kept = lines.filter((l) => l.agent === "compositor" && l.error === null);
    expect(kept).toHaveLength(1);
    // Images 0.013, clips 0.002 + 2 × 0.0205, music 0.004 once.
    expect(totalMicros).toBe(13_000 + 2_000 + 2 * 20_500 + 4_000);
    expect(await h.reload(sessionId)).toMatchObject({
      stage: "complete",
      finalVideoAssetId: finals[0]!.id,
      totalCostMicros: totalMicros,
      reservedMicros: 0,
    });
  });
});
