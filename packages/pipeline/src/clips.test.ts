import { listSessionAssets, parseAssetMetadata, parsePlan } from "@adgen/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PipelineError } from "./errors";
import { makeClips, makeImages, orderClips } from "./test/flow";
import { startPipeline, type PipelineHarness } from "./test/harness";

let h: PipelineHarness;
beforeAll(async () => {
  h = await startPipeline();
});
afterAll(() => h.close());

describe("the clips step", () => {
  it("animates each approved image into a clip of the asked length, charged exactly", async () => {
    const images = await makeImages(h, await h.newSession(), 4);
    const approved = images.images.slice(0, 3).map((i) => i.id);
    const { session, clips, events } = await makeClips(h, images, 3);

    expect(events[0]?.event.message).toBe("Queued 3 clips…");
    expect(events.at(-1)?.event).toMatchObject({
      stage: "clip_selection",
      done: true,
      message: "3 clips ready. Approve and order them.",
    });
    expect(session).toMatchObject({ stage: "clip_selection", reservedMicros: 0 });
    expect(new Set(clips.map((c) => c.sourceImageId))).toEqual(new Set(approved));
    const scenes = parsePlan(session).scenes ?? [];
    expect(scenes.map((s) => s.imageId).sort()).toEqual([...approved].sort());
    for (const clip of clips) {
      const probed = await h.probe(clip.storageKey);
      expect(probed.durationSec).toBeGreaterThan(2 - 1 / 30 - 0.001);
      expect(probed.durationSec).toBeLessThan(2 + 1 / 30 + 0.001);
      expect(probed).toMatchObject({ videoCodec: "h264", fps: 30 });
      expect(clip.duration).toBeCloseTo(probed.durationSec ?? Number.NaN, 3);
      const metadata = parseAssetMetadata(clip, "video");
      expect(metadata.scene.imageId).toBe(clip.sourceImageId);
      expect(metadata.analysis.seconds.length).toBeGreaterThan(0);
    }

    const { lines, totalMicros } = await h.costs(session.id);
    const clipLines = lines.filter((l) => l.stage === "clip_generation");
    expect(clipLines.map((l) => l.agent).sort()).toEqual([
      "scene_planner",
      ...Array(3).fill("video_analyst"),
      ...Array(3).fill("video_generator"),
    ]);
    // Images: 0.001 + 4 × 0.003. Clips: 0.002 + 3 × (2 s × 0.01 + 0.0005).
    expect(totalMicros).toBe(13_000 + 63_500);
    expect(session.totalCostMicros).toBe(totalMicros);
    // Each clip's asset carries what its two calls cost.
    expect(clips.map((c) => c.costMicros)).toEqual([20_500, 20_500, 20_500]);
  });

  it("approves and orders clips, refusing ids that are not the session's", async () => {
    const first = await makeClips(h, await makeImages(h, await h.newSession(), 4), 2);
    const other = await makeImages(h, await h.newSession(), 4);
    const [a, b] = first.clips;
    const approve = async (ids: string[]) =>
      h.pipeline.saveApprovedClips(await h.reload(first.session.id), {
        sessionId: first.session.id,
        approvedClipIds: ids,
        clipOrder: ids,
      });

    const foreign = other.images[0]!.id;
    const refused = await approve([a!.id, foreign]).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PipelineError);
    expect(refused).toMatchObject({
      code: "BAD_REQUEST",
      field: "approvedClipIds",
      message: `The clip ${foreign} is not part of this session.`,
    });

    const session = await orderClips(h, first.session, [b!.id, a!.id]);
    expect(session).toMatchObject({ stage: "clip_selection", clipOrder: [b!.id, a!.id] });
    const stored = await listSessionAssets(h.testDb.conn.db, session.id, "video");
    expect(
      stored
        .filter((c) => c.approved)
        .map((c) => c.id)
        .sort(),
    ).toEqual([a!.id, b!.id].sort());

    // Approving images again means choosing clips again.
    const images = await listSessionAssets(h.testDb.conn.db, session.id, "image");
    const imageIds = images.map((i) => i.id);
    await h.pipeline.saveApprovedImages(session, {
      sessionId: session.id,
      approvedImageIds: imageIds.slice(1, 3),
    });
    expect((await h.reload(session.id)).stage).toBe("image_selection");
    const again = await approve([a!.id]).catch((e: unknown) => e);
    expect(again).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "Generate video clips first.",
    });
  });

  it("refuses clips until two images are approved", async () => {
    const { session } = await makeImages(h, await h.newSession(), 4);
    const refused = await h.pipeline
      .generateClips(session, {
        sessionId: session.id,
        videoPrompt: "A slow push-in",
        clipDuration: 2,
      })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "Approve at least 2 images before making clips.",
    });
    expect((await h.reload(session.id)).stage).toBe("image_selection");
  });
});
