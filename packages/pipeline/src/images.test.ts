import { listSessionAssets, parseAssetMetadata } from "@adgen/db";
import { sessionPrefix } from "@adgen/storage";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PipelineError } from "./errors";
import { makeImages } from "./test/flow";
import { startPipeline, type PipelineHarness } from "./test/harness";

let h: PipelineHarness;
beforeAll(async () => {
  h = await startPipeline();
});
beforeEach(() => h.reset());
afterAll(() => h.close());

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable("the request was accepted"),
    (error: unknown) => {
      expect(error).toBeInstanceOf(PipelineError);
      const { code, message } = error as PipelineError;
      return { code, message };
    },
  );

describe("the images step", () => {
  it("renders every view of one product, stores each once and charges each call exactly", async () => {
    const start = await h.newSession();
    const queued = h.pipeline.generateImages(start, {
      sessionId: start.id,
      productPrompt: "Matte black aluminium water bottle",
      numImages: 6,
      styleKeywords: [],
    });
    expect(await queued).toEqual({ jobId: expect.any(String) });
    expect((await h.reload(start.id)).stage).toBe("image_generation");

    const events = await h.untilDone(start.id);
    expect(events[0]?.event).toMatchObject({ progress: 0, message: "Queued 6 product images…" });
    expect(events.at(-1)?.event).toMatchObject({
      stage: "image_selection",
      progress: 100,
      done: true,
      message: "6 images ready. Approve at least 2.",
    });
    expect(events.map((e) => e.event.message)).toContain("Generated image 3 of 6…");
    const progress = events.map((e) => e.event.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const session = await h.reload(start.id);
    expect(session).toMatchObject({ stage: "image_selection", lastGoodStage: "image_selection" });
    const images = await listSessionAssets(h.testDb.conn.db, start.id, "image");
    expect(new Set(images.map((i) => i.viewType)).size).toBe(6);
    expect(new Set(images.map((i) => i.seed))).toEqual(new Set([session.consistencySeed]));
    expect(images.map((i) => parseAssetMetadata(i, "image").viewIndex).sort()).toEqual([
      0, 1, 2, 3, 4, 5,
    ]);
    for (const image of images) {
      expect(image.storageKey.startsWith(`${sessionPrefix(start.id)}/images/`)).toBe(true);
      expect(await h.storage.stat(image.storageKey)).toMatchObject({ size: image.byteSize });
    }

    const { lines, totalMicros } = await h.costs(start.id);
    expect(lines.map((l) => l.agent).sort()).toEqual(
      ["prompt_parser", ...Array(6).fill("image_generator")].sort(),
    );
    expect(lines.every((l) => l.success)).toBe(true);
    // 0.001 + 6 × 0.003, exactly, in micro-dollars.
    expect(totalMicros).toBe(19_000);
    expect(session.totalCostMicros).toBe(totalMicros);
    expect(session.reservedMicros).toBe(0);
  });

  it("keeps the other views when one fails, and records the failed call's cost", async () => {
    h.faults.failViews = ["back"];
    const { session, images, events } = await makeImages(h, await h.newSession(), 6);
    expect(events.at(-1)?.event.message).toBe("5 images ready (1 failed). Approve at least 2.");
    expect(events.map((e) => e.event.message)).toContain(
      "The back view failed: The image model could not render the back view.",
    );
    expect(images.map((i) => i.viewType)).not.toContain("back");
    const { lines, totalMicros } = await h.costs(session.id);
    expect(lines.filter((l) => !l.success)).toMatchObject([
      {
        agent: "image_generator",
        error: "The image model could not render the back view.",
        costMicros: 3_000,
      },
    ]);
    // The failed call was billed too: 0.001 + 6 × 0.003.
    expect(totalMicros).toBe(19_000);
    expect(session).toMatchObject({ totalCostMicros: 19_000, reservedMicros: 0 });
  });

  it("refuses a request from the wrong stage or over the cap before anything is spent", async () => {
    const session = await h.newSession(0.015);
    const clips = { sessionId: session.id, videoPrompt: "A slow push-in", clipDuration: 3 };
    expect(await refusal(h.pipeline.generateClips(session, clips))).toEqual({
      code: "PRECONDITION_FAILED",
      message: "Generate product images first.",
    });
    const images = { sessionId: session.id, productPrompt: "Steel watch", styleKeywords: [] };
    expect(await refusal(h.pipeline.generateImages(session, { ...images, numImages: 6 }))).toEqual({
      code: "BUDGET_EXCEEDED",
      message:
        "This would pass the session's $0.015 spending cap: $0.00 spent so far and this step needs about $0.019.",
    });
    expect(await h.reload(session.id)).toMatchObject({ stage: "created", totalCostMicros: 0 });
    expect((await h.costs(session.id)).lines).toEqual([]);
  });

  it("refuses the call that would pass the cap mid-job, and charges only what ran", async () => {
    // The parser is estimated at $0.001 but really charges $0.004, as an LLM's token count can.
    h.prices.parserActual = 0.004;
    const { session, images, events } = await makeImages(h, await h.newSession(0.015), 4);
    const refused = events.find((e) => e.event.message.includes("spending cap"));
    expect(refused?.event.message).toMatch(
      /view failed: This would pass the session's \$0\.015 spending cap: \$0\.013 spent so far/,
    );
    expect(images).toHaveLength(3);
    const { lines, totalMicros } = await h.costs(session.id);
    // The refused call was never made, so it has no line.
    expect(lines).toHaveLength(4);
    expect(totalMicros).toBe(13_000);
    expect(session).toMatchObject({ totalCostMicros: 13_000, reservedMicros: 0 });
  });
});
