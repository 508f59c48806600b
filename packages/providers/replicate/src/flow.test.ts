import { usdToMicros } from "@adgen/schemas";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { composeRequest, startReplicateFlow, type FlowHarness } from "./test/flow-harness";
import { MODELS, scriptHappyModels } from "./test/replicate-models";

let h: FlowHarness;
beforeAll(async () => {
  h = await startReplicateFlow();
});
afterAll(() => h?.close());
beforeEach(() => {
  h.replicate.reset();
  scriptHappyModels(h.replicate);
});

const LLM_CALL = (1000 * 0.65 + 500 * 2.75) / 1e6;

async function makeImages(sessionId: string, numImages = 4) {
  const session = await h.reload(sessionId);
  await h.pipeline.generateImages(session, {
    sessionId,
    productPrompt: "Matte black aluminium water bottle",
    numImages,
    styleKeywords: [],
  });
  return h.untilDone(sessionId);
}

describe("the whole flow on Replicate, S3 and the database", () => {
  it("makes images, clips and the final ad; files in the bucket, costs from the price table", async () => {
    const { id } = await h.newSession();
    const imageEvents = await makeImages(id);
    let session = await h.reload(id);
    expect(session.stage).toBe("image_selection");
    const images = await h.assets(id, "image");
    expect(images).toHaveLength(4);
    for (const image of images) {
      const file = await h.probeUrl(image.storageKey);
      expect(file.bytes.subarray(1, 4).toString()).toBe("PNG");
      expect(file).toMatchObject({ width: 1024, height: 1024 });
    }

    await h.pipeline.saveApprovedImages(session, {
      sessionId: id,
      approvedImageIds: images.slice(0, 2).map((i) => i.id),
    });
    await h.pipeline.generateClips(await h.reload(id), {
      sessionId: id,
      videoPrompt: "Slow elegant orbit on marble",
      clipDuration: 3,
    });
    const clipEvents = await h.untilDone(id, imageEvents.at(-1)?.id);
    session = await h.reload(id);
    expect(session.stage).toBe("clip_selection");
    const clips = await h.assets(id, "video");
    expect(clips).toHaveLength(2);
    for (const clip of clips) {
      const file = await h.probeUrl(clip.storageKey);
      expect(file).toMatchObject({ durationSec: 3, videoCodec: "h264" });
    }

    const clipIds = clips.map((c) => c.id);
    await h.pipeline.saveApprovedClips(session, {
      sessionId: id,
      approvedClipIds: clipIds,
      clipOrder: clipIds,
    });
    await h.pipeline.composeFinalVideo(await h.reload(id), composeRequest(id));
    const events = await h.untilDone(id, clipEvents.at(-1)?.id);
    expect(events.at(-1)?.event.stage).toBe("complete");
    const [final] = await h.assets(id, "final_video");
    const video = await h.probeUrl(final!.storageKey);
    expect(video).toMatchObject({
      videoCodec: "h264",
      width: 1920,
      height: 1080,
      hasAudio: true,
      audioCodec: "aac",
    });

    // Every paid call came through the official client.
    const creates = h.replicate.requests.filter((r) => r.method === "POST" && r.model);
    expect(creates.length).toBeGreaterThan(0);
    for (const r of creates) expect(r.userAgent).toMatch(/^replicate-javascript\/1\./);

    // The ledger is the price table: parser and planner per token, the hero on FLUX dev,
    // three views on Kontext pro, two 5 s Kling clips, MusicGen's predict time on an A100.
    const lines = await h.costs(id);
    const byAgent = (agent: string) => lines.filter((l) => l.agent === agent && l.success);
    expect(byAgent("prompt_parser").map((l) => l.costMicros)).toEqual([usdToMicros(LLM_CALL)]);
    expect(
      byAgent("image_generator")
        .map((l) => l.costMicros)
        .sort((a, b) => a - b),
    ).toEqual([usdToMicros(0.025), usdToMicros(0.04), usdToMicros(0.04), usdToMicros(0.04)]);
    expect(
      byAgent("image_generator")
        .map((l) => l.model)
        .sort(),
    ).toEqual([MODELS.image, MODELS.edit, MODELS.edit, MODELS.edit].sort());
    expect(byAgent("scene_planner").map((l) => l.costMicros)).toEqual([usdToMicros(LLM_CALL)]);
    expect(byAgent("video_generator").map((l) => l.costMicros)).toEqual([
      usdToMicros(0.25),
      usdToMicros(0.25),
    ]);
    expect(byAgent("music").map((l) => l.costMicros)).toEqual([usdToMicros(20 * 0.0014)]);
    expect(lines.filter((l) => !l.success)).toEqual([]);
    const total = lines.reduce((sum, l) => sum + l.costMicros, 0);
    expect((await h.reload(id)).totalCostMicros).toBe(total);
  });

  it("shows an NSFW refusal in plain words; Try again makes the images without charging the parser twice", async () => {
    for (const model of [MODELS.image, MODELS.imageFallback]) {
      h.replicate.script(model, {
        faults: Array.from({ length: 8 }, () => ({ kind: "nsfw" as const })),
      });
    }
    const { id } = await h.newSession();
    const firstEvents = await makeImages(id, 4);
    const failed = await h.reload(id);
    expect(failed.stage).toBe("failed");
    expect(failed.error).toMatch(/not safe for work/);
    expect(failed.error).toMatch(/rewording/);
    const refusals = (await h.costs(id)).filter((l) => !l.success);
    expect(refusals.length).toBe(4);
    for (const line of refusals)
      expect(line).toMatchObject({
        costMicros: 0,
        error: expect.stringMatching(/not safe for work/),
      });

    scriptHappyModels(h.replicate);
    await h.pipeline.retry(failed);
    await h.untilDone(id, firstEvents.at(-1)?.id);
    expect((await h.reload(id)).stage).toBe("image_selection");
    expect(await h.assets(id, "image")).toHaveLength(4);
    const lines = await h.costs(id);
    expect(lines.filter((l) => l.agent === "prompt_parser")).toHaveLength(1);
    expect(lines.filter((l) => l.agent === "image_generator" && l.success)).toHaveLength(4);
  });

  it("cancel stops the clips step: its predictions are cancelled on Replicate, the session goes back, nothing more is charged", async () => {
    const { id } = await h.newSession();
    const imageEvents = await makeImages(id);
    const images = await h.assets(id, "image");
    await h.pipeline.saveApprovedImages(await h.reload(id), {
      sessionId: id,
      approvedImageIds: images.slice(0, 2).map((i) => i.id),
    });
    const spentBefore = (await h.reload(id)).totalCostMicros;
    h.replicate.script(MODELS.video, {
      faults: [{ kind: "never_finishes" }, { kind: "never_finishes" }],
    });
    await h.pipeline.generateClips(await h.reload(id), {
      sessionId: id,
      videoPrompt: "Slow orbit on marble",
      clipDuration: 3,
    });
    const running = () => h.replicate.predictions().filter((p) => p.model === MODELS.video);
    await vi.waitFor(
      () => expect(running().map((p) => p.status)).toEqual(["processing", "processing"]),
      {
        timeout: 30_000,
        interval: 100,
      },
    );

    expect(await h.pipeline.cancel(await h.reload(id))).toEqual({ stage: "image_selection" });
    const events = await h.untilDone(id, imageEvents.at(-1)?.id);
    expect(events.at(-1)?.event).toMatchObject({
      stage: "image_selection",
      done: true,
      message: expect.stringMatching(/cancelled/),
    });
    await vi.waitFor(
      () => expect(running().map((p) => p.status)).toEqual(["canceled", "canceled"]),
      {
        timeout: 30_000,
        interval: 100,
      },
    );
    const cancels = h.replicate.requests.filter((r) => r.path.endsWith("/cancel"));
    expect(cancels).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 1000));
    // No fallback and no retry after the cancel, and the cancelled calls cost nothing.
    expect(h.replicate.predictions().filter((p) => p.model === MODELS.videoFallback)).toEqual([]);
    expect(running()).toHaveLength(2);
    const session = await h.reload(id);
    expect(session).toMatchObject({ stage: "image_selection", error: null, reservedMicros: 0 });
    expect(session.totalCostMicros - spentBefore).toBe(usdToMicros(LLM_CALL));
    await expect(h.pipeline.cancel(session)).rejects.toThrow(/Nothing is running/);

    // The step can be asked again and finishes.
    scriptHappyModels(h.replicate);
    await h.pipeline.generateClips(session, {
      sessionId: id,
      videoPrompt: "Slow orbit on marble",
      clipDuration: 3,
    });
    await h.untilDone(id, events.at(-1)?.id);
    expect((await h.reload(id)).stage).toBe("clip_selection");
  });

  it("refuses a step the spending cap cannot cover at Replicate's prices, before any prediction", async () => {
    // Four images cost about $0.15; two 5 s Kling clips $0.50 would pass a $0.40 cap.
    const { id } = await h.newSession(0.4);
    const imageEvents = await makeImages(id);
    expect(imageEvents.at(-1)?.event.stage).toBe("image_selection");
    const images = await h.assets(id, "image");
    await h.pipeline.saveApprovedImages(await h.reload(id), {
      sessionId: id,
      approvedImageIds: images.slice(0, 2).map((i) => i.id),
    });
    const before = h.replicate.requests.length;
    const refusal = h.pipeline.generateClips(await h.reload(id), {
      sessionId: id,
      videoPrompt: "Slow orbit on marble",
      clipDuration: 3,
    });
    await expect(refusal).rejects.toMatchObject({ code: "BUDGET_EXCEEDED" });
    await expect(refusal).rejects.toThrow(/\$0\.40 spending cap/);
    expect(h.replicate.requests.length).toBe(before);
    expect((await h.reload(id)).stage).toBe("image_selection");
  });

  it("deleting a session whose images are being made cancels their predictions on Replicate", async () => {
    h.replicate.script(MODELS.image, { faults: [{ kind: "never_finishes" }] });
    const session = await h.newSession();
    await h.pipeline.generateImages(session, {
      sessionId: session.id,
      productPrompt: "Matte black aluminium water bottle",
      numImages: 4,
      styleKeywords: [],
    });
    const hero = () => h.replicate.predictions().filter((p) => p.model === MODELS.image);
    await vi.waitFor(() => expect(hero().map((p) => p.status)).toEqual(["processing"]), {
      timeout: 30_000,
      interval: 100,
    });
    expect(await h.pipeline.deleteSession(session.userId, session.id)).toBe(true);
    await vi.waitFor(() => expect(hero().map((p) => p.status)).toEqual(["canceled"]), {
      timeout: 30_000,
      interval: 100,
    });
    // The views waiting for the hero never reached Replicate.
    expect(h.replicate.predictions().filter((p) => p.model === MODELS.edit)).toEqual([]);
  });
});
