import { ModelCallError, type Provider } from "@adgen/agents";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makeClips, makeImages } from "./test/flow";
import { startPipeline, type PipelineHarness } from "./test/harness";
import { overrideModel } from "./test/models";

/*
 * Issue 9, faults 2 and 8: every paid call keeps exactly one ledger line, and a plan is
 * saved with its cost line or not at all.
 */

let h: PipelineHarness;
/** The next parse answers with text PostgreSQL cannot store in JSON (a NUL character). */
let unstorableParse = false;
/** The next clip analysis fails after the clip was rendered and paid. */
let failAnalysis = false;

function withFaults(provider: Provider): Provider {
  const parser = overrideModel(provider, "promptParser", (base) => ({
    parse: async (req) => {
      const call = await base.parse(req);
      if (!unstorableParse) return call;
      unstorableParse = false;
      const productDescription = `${call.output.productDescription}\u0000`;
      return { ...call, output: { ...call.output, productDescription } };
    },
  }));
  return overrideModel(parser, "videoAnalyst", (base) => ({
    analyse: async (req) => {
      if (!failAnalysis) return base.analyse(req);
      failAnalysis = false;
      throw new ModelCallError("The video analyst is unavailable.", {
        model: base.id,
        costUsd: 0.0005,
        durationMs: 3,
        retryable: false,
      });
    },
  }));
}

beforeAll(async () => {
  h = await startPipeline({ wrap: withFaults });
});
beforeEach(() => {
  h.reset();
  unstorableParse = false;
  failAnalysis = false;
});
afterAll(() => h.close());

describe("paid calls", () => {
  it("saves the parse with its cost line, so a failed save is retried cleanly", async () => {
    unstorableParse = true;
    const { session, events } = await makeImages(h, await h.newSession(), 4);
    // Saving the first parse failed: the retry parsed again instead of meeting a charge
    // without its plan ("duplicate key").
    expect(events.some((e) => e.event.message.endsWith("Retrying…"))).toBe(true);
    expect(session).toMatchObject({ stage: "image_selection", reservedMicros: 0 });
    const { lines, totalMicros } = await h.costs(session.id);
    const parses = lines.filter((l) => l.agent === "prompt_parser");
    expect(parses.map((l) => l.error)).toEqual(["Not kept: saving it failed.", null]);
    // Both parses were paid and each has its line: 2 × 0.001 + 4 images × 0.003.
    expect(totalMicros).toBe(2_000 + 12_000);
    expect(session.totalCostMicros).toBe(totalMicros);
  });

  it("records the rendered clip and the failed analysis of a unit that failed", async () => {
    const images = await makeImages(h, await h.newSession(), 4);
    failAnalysis = true;
    const { session, clips } = await makeClips(h, images, 2);
    expect(session).toMatchObject({ stage: "clip_selection", reservedMicros: 0 });
    expect(clips).toHaveLength(1);
    const { lines, totalMicros } = await h.costs(session.id);
    const clipLines = lines
      .filter((l) => l.agent === "video_generator" || l.agent === "video_analyst")
      .map((l) => [l.agent, l.success, l.costMicros, l.error]);
    expect(clipLines).toEqual(
      expect.arrayContaining([
        ["video_generator", true, 20_000, "Not kept: a later step of its clip failed."],
        ["video_analyst", false, 500, "The video analyst is unavailable."],
        ["video_generator", true, 20_000, null],
        ["video_analyst", true, 500, null],
      ]),
    );
    expect(clipLines).toHaveLength(4);
    // Images 0.013, planner 0.002, two rendered clips and two analyses, one of them failed.
    expect(totalMicros).toBe(13_000 + 2_000 + 2 * 20_500);
    expect(session.totalCostMicros).toBe(totalMicros);
  });
});
