import { ModelCallError, type Provider } from "@adgen/agents";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makeImages } from "./test/flow";
import { startPipeline, type PipelineHarness } from "./test/harness";
import { overrideModel } from "./test/models";

let h: PipelineHarness;
/** While set, every clip fails after being billed, as a paid video model's outage would. */
let clipsFail = false;

function withFailingClips(provider: Provider): Provider {
  return overrideModel(provider, "videoModel", (base) => ({
    animate: async (req) => {
      if (!clipsFail) return base.animate(req);
      throw new ModelCallError("The video model is unavailable.", {
        model: base.id,
        costUsd: 0.02,
        durationMs: 5,
        retryable: false,
      });
    },
  }));
}

beforeAll(async () => {
  h = await startPipeline({ wrap: withFailingClips });
});
beforeEach(() => {
  h.reset();
  clipsFail = false;
});
afterAll(() => h.close());

const count = (lines: { agent: string; success: boolean }[], agent: string, success = true) =>
  lines.filter((l) => l.agent === agent && l.success === success).length;

describe("try again", () => {
  it("repeats a failed clips step with the same inputs, keeping the paid scene plan", async () => {
    const images = await makeImages(h, await h.newSession(), 4);
    const sessionId = images.session.id;
    const approvedImageIds = images.images.slice(0, 2).map((i) => i.id);
    await h.pipeline.saveApprovedImages(images.session, { sessionId, approvedImageIds });
    clipsFail = true;
    const asked = { sessionId, videoPrompt: "Slow elegant orbit on marble", clipDuration: 2 };
    const { jobId: runId } = await h.pipeline.generateClips(await h.reload(sessionId), asked);
    const failedEvents = await h.untilDone(sessionId, images.lastEventId);
    const failed = await h.reload(sessionId);
    expect(failed).toMatchObject({
      stage: "failed",
      lastGoodStage: "image_selection",
      error: "Every clip failed: The video model is unavailable.",
      reservedMicros: 0,
    });
    expect(failedEvents.at(-1)?.event).toMatchObject({ stage: "failed", error: failed.error });
    const before = await h.costs(sessionId);
    expect(count(before.lines, "scene_planner")).toBe(1);
    expect(count(before.lines, "video_generator", false)).toBe(2);

    clipsFail = false;
    expect(await h.pipeline.retry(failed)).toEqual({ jobId: runId });
    const events = await h.untilDone(sessionId, failedEvents.at(-1)!.id);
    expect(events.at(-1)?.event).toMatchObject({ stage: "clip_selection", done: true });
    const session = await h.reload(sessionId);
    expect(session).toMatchObject({ stage: "clip_selection", videoPrompt: asked.videoPrompt });
    expect(session.lastRequest).toEqual({
      step: "generateClips",
      videoPrompt: asked.videoPrompt,
      clipDuration: 2,
    });

    const { lines, totalMicros } = await h.costs(sessionId);
    // The scene plan made before the failure is reused: planned and paid once.
    expect(count(lines, "scene_planner")).toBe(1);
    expect(count(lines, "video_generator")).toBe(2);
    expect(count(lines, "video_analyst")).toBe(2);
    // Images 0.001 + 4 × 0.003; planner 0.002; two billed failures; two clips of 0.0205.
    expect(totalMicros).toBe(13_000 + 2_000 + 2 * 20_000 + 2 * 20_500);
    expect(session).toMatchObject({ totalCostMicros: totalMicros, reservedMicros: 0 });

    expect(await h.pipeline.retry(session).catch((e: unknown) => e)).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "Only a failed step can be retried.",
    });
  });

  it("repeats a failed images step without parsing the prompt again", async () => {
    h.faults.failAllImages = true;
    const failed = await makeImages(h, await h.newSession(), 4);
    expect(failed.session).toMatchObject({ stage: "failed", lastGoodStage: "created" });
    expect(failed.session.error).toMatch(
      /^Every image failed: The image model could not render the \w+ view\.$/,
    );

    h.reset();
    await h.pipeline.retry(failed.session);
    await h.untilDone(failed.session.id, failed.lastEventId);
    const session = await h.reload(failed.session.id);
    expect(session.stage).toBe("image_selection");
    const { lines, totalMicros } = await h.costs(session.id);
    expect(count(lines, "prompt_parser")).toBe(1);
    expect(count(lines, "image_generator", false)).toBe(4);
    expect(count(lines, "image_generator")).toBe(4);
    // 0.001 + 4 billed failures + 4 images, each 0.003.
    expect(totalMicros).toBe(1_000 + 8 * 3_000);
    expect(session).toMatchObject({ totalCostMicros: totalMicros, reservedMicros: 0 });
  });
});
