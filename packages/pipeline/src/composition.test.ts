import { listSessionAssets, parseAssetMetadata } from "@adgen/db";
import type { ComposeFinalVideoInput } from "@adgen/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeClips, makeImages, orderClips } from "./test/flow";
import { startPipeline, type PipelineHarness } from "./test/harness";

let h: PipelineHarness;
beforeAll(async () => {
  h = await startPipeline();
});
afterAll(() => h.close());

describe("the composition step", () => {
  it("composes the ordered clips to the planned length, and keeps earlier videos", async () => {
    const fresh = await h.newSession();
    const request = (patch: Partial<ComposeFinalVideoInput> = {}): ComposeFinalVideoInput => ({
      sessionId: fresh.id,
      textOverlay: { productName: "Aurora", cta: "Shop now", font: "montserrat", color: "#FFFFFF" },
      audio: { enabled: false, genre: "upbeat" },
      introDuration: 1,
      outroDuration: 1,
      aspectRatio: "16:9",
      ...patch,
    });
    const refusal = async (input: ComposeFinalVideoInput) =>
      h.pipeline.composeFinalVideo(await h.reload(fresh.id), input).catch((e: unknown) => e);

    expect(await refusal(request())).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "Generate video clips first.",
    });
    const made = await makeClips(h, await makeImages(h, fresh, 4), 2);
    expect(await refusal(request())).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "Approve and order your clips before composing the video.",
    });
    const order = [made.clips[1]!.id, made.clips[0]!.id];
    let session = await orderClips(h, made.session, order);
    const clef = { ...request().textOverlay, productName: "𝄞 Clef" };
    expect(await refusal(request({ textOverlay: clef }))).toMatchObject({
      code: "BAD_REQUEST",
      field: "textOverlay.productName",
      message: "The product name contains a character no available font can draw: 𝄞",
    });
    expect((await h.reload(fresh.id)).stage).toBe("clip_selection");

    const withMusic = request({ audio: { enabled: true, genre: "chill" } });
    await h.pipeline.composeFinalVideo(session, withMusic);
    const events = await h.untilDone(fresh.id, made.lastEventId);
    expect(events.at(-1)?.event).toMatchObject({ stage: "complete", done: true });
    const between = events.filter((e) => e.event.progress > 10 && e.event.progress < 100);
    expect(between.length).toBeGreaterThan(0);

    session = await h.reload(fresh.id);
    const [final] = await listSessionAssets(h.testDb.conn.db, fresh.id, "final_video");
    expect(session).toMatchObject({ stage: "complete", finalVideoAssetId: final!.id });
    const { sessionId: _, ...asked } = withMusic;
    expect(parseAssetMetadata(final!, "final_video")).toMatchObject({
      request: asked,
      hasAudio: true,
      videoCodec: "h264",
    });
    const probed = await h.probe(final!.storageKey);
    expect(probed).toMatchObject({ width: 1920, height: 1080, fps: 30, hasAudio: true });
    // The plan: 1 s intro + 2 × 2 s clips + 1 s outro, less three 0.5 s crossfades.
    expect(probed.durationSec).toBeCloseTo(1 + 2 + 2 + 1 - 3 * 0.5, 1);
    expect(final!.duration).toBeCloseTo(4.5, 1);

    await h.pipeline.composeFinalVideo(session, request({ aspectRatio: "9:16" }));
    await h.untilDone(fresh.id, events.at(-1)!.id);
    session = await h.reload(fresh.id);
    const finals = await listSessionAssets(h.testDb.conn.db, fresh.id, "final_video");
    expect(finals.map((f) => `${f.width}x${f.height}`).sort()).toEqual(["1080x1920", "1920x1080"]);
    expect(session.finalVideoAssetId).toBe(finals.find((f) => f.width === 1080)?.id);

    const { lines, totalMicros } = await h.costs(fresh.id);
    expect(lines.filter((l) => l.agent === "compositor")).toHaveLength(2);
    expect(lines.filter((l) => l.agent === "music")).toHaveLength(1);
    expect(await listSessionAssets(h.testDb.conn.db, fresh.id, "audio")).toHaveLength(1);
    // The local music model and our own ffmpeg are free: the total is images and clips.
    expect(totalMicros).toBe(13_000 + 2_000 + 2 * 20_500);
    expect(session).toMatchObject({ totalCostMicros: totalMicros, reservedMicros: 0 });
  });
});
