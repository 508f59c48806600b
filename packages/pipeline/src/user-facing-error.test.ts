import { BatchFailedError, ModelCallError } from "@adgen/agents";
import { MediaError } from "@adgen/media";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BudgetExceededError, PipelineError } from "./errors";
import { userFacingError } from "./user-facing-error";

const call = { model: "m", costUsd: 0, durationMs: 1, retryable: false };
const batch = (...causes: unknown[]) =>
  new BatchFailedError({
    succeeded: 0,
    skipped: 0,
    failed: causes.length,
    errors: causes.map(String),
    causes,
  });

describe("userFacingError", () => {
  afterEach(() => vi.restoreAllMocks());

  it("passes messages written for users through", () => {
    expect(
      userFacingError(
        new PipelineError("PRECONDITION_FAILED", "Approve at least 2 images."),
        "clip_generation",
      ),
    ).toBe("Approve at least 2 images.");
    expect(userFacingError(new BudgetExceededError(1, 2, 3), "image_generation")).toMatch(
      /spending cap/,
    );
    const text = new MediaError(
      "UNRENDERABLE_TEXT",
      "The product name contains a character no available font can draw: 𝄞",
    );
    expect(userFacingError(text, "final_composition")).toBe(text.message);
    const model = new ModelCallError("The image model could not render the back view.", call);
    expect(userFacingError(model, "image_generation")).toBe(model.message);
    expect(userFacingError(batch(model), "image_generation")).toBe(
      `Every image failed: ${model.message}`,
    );
  });

  it("turns anything else into the step and a reference, logging the detail once", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const ffmpeg = new MediaError(
      "FFMPEG_FAILED",
      "ffmpeg exited with 1: /tmp/adgen-x1/clip-0.mp4: Invalid data",
    );
    const wrapped = Object.assign(
      new ModelCallError(`Animating the still failed: ${ffmpeg.message}`, call),
      {
        cause: ffmpeg,
      },
    );
    const sql = Object.assign(
      new Error('insert into "generation_costs" violates constraint "costs_work_key"'),
      {
        code: "23505",
      },
    );
    for (const [error, stage, step] of [
      [ffmpeg, "final_composition", "composition"],
      [wrapped, "clip_generation", "clip generation"],
      [sql, "image_generation", "image generation"],
      [batch(wrapped), "clip_generation", "clip generation"],
      ["a string", "final_composition", "composition"],
    ] as const) {
      const message = userFacingError(error, stage);
      expect(message).toMatch(
        new RegExp(`^The ${step} step failed\\. Reference: [0-9a-f]{10}\\.$`),
      );
      expect(message).not.toMatch(/tmp|ffmpeg|insert|constraint/);
    }
    const first = userFacingError(sql, "image_generation");
    expect(userFacingError(sql, "image_generation")).toBe(first);
    const reference = /Reference: (\w+)/.exec(first)![1]!;
    const lines = log.mock.calls.filter((args) => String(args[0]).includes(reference));
    expect(lines).toHaveLength(1);
    expect(lines[0]![1]).toBe(sql);
  });

  it("does not trust a readable class whose message looks internal", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const leaky = new ModelCallError(
      "could not open /var/data/media/sessions/x/images/a.png",
      call,
    );
    expect(userFacingError(leaky, "image_generation")).toMatch(/^The image generation step failed/);
  });
});
