import { ModelCallError } from "@adgen/agents";
import type { ReplicateTestServer } from "@adgen/test-utils";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { UNREADABLE_REPLY } from "./agents/json-chat";
import { createReplicateProvider } from "./provider";
import {
  IMAGE_REQUEST,
  MODELS,
  scriptHappyModels,
  testConfig,
  useReplicateServer,
} from "./test/replicate-models";

let waits: { status: number | null; delayMs: number }[];
const replicate = useReplicateServer({ beforeAll, afterAll, beforeEach });
let server: ReplicateTestServer;
beforeAll(() => {
  server = replicate.current();
});
beforeEach(() => {
  waits = [];
});

const provider = (extra: Record<string, string> = {}) =>
  createReplicateProvider({
    config: testConfig(server, extra),
    onRetry: (info) => waits.push({ status: info.status, delayMs: info.delayMs }),
  });
const creates = (model: string) =>
  server.requests.filter(
    (r) => r.method === "POST" && r.model === model && r.path.endsWith("/predictions"),
  );
const image = IMAGE_REQUEST;
const scene = {
  imageId: "i",
  cameraMove: "orbit" as const,
  intensity: 0.5,
  grade: "warm" as const,
  motionPrompt: "Orbit",
};
const clip = { image: Buffer.from("png"), scene, durationSec: 2, fps: 30, seed: 1 };
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable("the call succeeded"),
    (error: unknown) => {
      expect(error).toBeInstanceOf(ModelCallError);
      return error as ModelCallError;
    },
  );
const withFaults = (
  model: string,
  faults: Parameters<ReplicateTestServer["script"]>[1]["faults"],
) => {
  const script = { ...scripts()[model], faults };
  server.script(model, script);
};
// The happy scripts, to re-register one with faults.
const scripts = () => {
  const captured: Record<string, Parameters<ReplicateTestServer["script"]>[1]> = {};
  scriptHappyModels({ ...server, script: (model, s) => (captured[model] = s) });
  return captured;
};

describe("HTTP faults", () => {
  it("waits out Retry-After on a 429 (not the client's instant retries) and then succeeds", async () => {
    withFaults(MODELS.image, [
      { kind: "rate_limit", retryAfterSec: 1 },
      { kind: "rate_limit", retryAfterSec: 1 },
    ]);
    const call = await provider().imageModel.generate(image);
    expect(call.model).toBe(MODELS.image);
    const sent = creates(MODELS.image);
    expect(sent.map((r) => r.status)).toEqual([429, 429, 201]);
    expect(waits.map((w) => w.status)).toEqual([429, 429]);
    for (const w of waits) expect(w.delayMs).toBeGreaterThanOrEqual(1000);
    for (let i = 1; i < sent.length; i++) {
      expect(sent[i]!.at - sent[i - 1]!.at).toBeGreaterThanOrEqual(1000 - 5);
    }
  });

  it("backs off exponentially on a 429 that does not lift, stops at the retry limit, then uses the fallback", async () => {
    withFaults(
      MODELS.image,
      Array.from({ length: 20 }, () => ({ kind: "rate_limit" as const, retryAfterSec: 0 })),
    );
    const call = await provider({ REPLICATE_HTTP_RETRIES: "2" }).imageModel.generate(image);
    // Two predictions' worth of creates (1 + 2 retries each), none of the client's own retries.
    expect(creates(MODELS.image)).toHaveLength(6);
    expect(call.model).toBe(MODELS.imageFallback);
    expect(call.costUsd).toBe(0.003);
  });

  it("retries a create answered 500 with back-off (the client itself never retries a POST)", async () => {
    withFaults(MODELS.image, [{ kind: "server_error" }, { kind: "server_error" }]);
    const call = await provider().imageModel.generate(image);
    expect(creates(MODELS.image).map((r) => r.status)).toEqual([500, 500, 201]);
    expect(waits.map((w) => w.status)).toEqual([500, 500]);
    expect(waits[1]!.delayMs).toBeGreaterThan(0);
    expect(call.costUsd).toBe(0.025);
  });
});

describe("prediction faults", () => {
  it("retries a failed prediction, then falls back to the other model", async () => {
    withFaults(MODELS.image, [{ kind: "failed" }, { kind: "failed" }]);
    const call = await provider().imageModel.generate(image);
    expect(creates(MODELS.image)).toHaveLength(2);
    expect(call.model).toBe(MODELS.imageFallback);
    // Per-image models bill nothing for a failed prediction.
    expect(call.costUsd).toBe(0.003);
  });

  it("fails the unit with the model's reason in plain words when every model fails", async () => {
    withFaults(MODELS.image, [{ kind: "failed" }, { kind: "failed" }]);
    withFaults(MODELS.imageFallback, [{ kind: "failed" }, { kind: "failed" }]);
    const error = await failure(provider().imageModel.generate(image));
    expect(error.message).toBe("The image model failed: CUDA out of memory. Try again.");
    expect(error.details).toMatchObject({
      model: MODELS.imageFallback,
      costUsd: 0,
      retryable: false,
    });
  });

  it("says an NSFW refusal is one and suggests rewording; the same input is not retried on the same model", async () => {
    withFaults(MODELS.image, [{ kind: "nsfw" }, { kind: "nsfw" }]);
    withFaults(MODELS.imageFallback, [{ kind: "nsfw" }, { kind: "nsfw" }]);
    const error = await failure(provider().imageModel.generate(image));
    expect(error.message).toMatch(/not safe for work/);
    expect(error.message).toMatch(/rewording/);
    expect(creates(MODELS.image)).toHaveLength(1);
    expect(creates(MODELS.imageFallback)).toHaveLength(1);
  });

  it("bills failed predictions of hardware-priced models, and says so in the failure", async () => {
    withFaults(`${MODELS.music}:${MODELS.musicVersion}`, [
      { kind: "failed", error: "Out of memory" },
      { kind: "failed", error: "Out of memory" },
    ]);
    const error = await failure(
      provider().musicModel.compose({ genre: "upbeat", durationSec: 10, seed: 1 }),
    );
    expect(error.message).toBe("The music model failed: Out of memory. Try again.");
    expect(error.details.costUsd).toBeCloseTo(2 * 20 * 0.0014, 9);
  });

  it("bills a time-priced prediction cancelled at its timeout for the time it ran", async () => {
    withFaults(`${MODELS.music}:${MODELS.musicVersion}`, [
      { kind: "never_finishes" },
      { kind: "never_finishes" },
    ]);
    const music = provider({ REPLICATE_TIMEOUT_SECONDS: "1" }).musicModel;
    const error = await failure(music.compose({ genre: "upbeat", durationSec: 10, seed: 1 }));
    expect(error.message).toBe("The music model did not finish within 1 second. Try again.");
    expect(server.predictions().map((p) => p.status)).toEqual(["canceled", "canceled"]);
    expect(error.details.costUsd).toBeGreaterThan(0);
  });

  it("retries an output URL that answers 404 (the billed first clip is counted)", async () => {
    withFaults(MODELS.video, [{ kind: "missing_output" }]);
    const call = await provider().videoModel.animate(clip);
    expect(creates(MODELS.video)).toHaveLength(2);
    expect(call.costUsd).toBeCloseTo(0.5, 9);
    expect(call.output.durationSec).toBe(2);
  });

  it("cancels a prediction that runs past its timeout on Replicate and retries it", async () => {
    withFaults(MODELS.video, [{ kind: "never_finishes" }]);
    const call = await provider({ REPLICATE_TIMEOUT_SECONDS: "0.3" }).videoModel.animate(clip);
    expect(call.model).toBe(MODELS.video);
    const [stuck, done] = server.predictions().filter((p) => p.model === MODELS.video);
    expect(stuck?.status).toBe("canceled");
    expect(done?.status).toBe("succeeded");
    expect(server.requests.filter((r) => r.path.endsWith("/cancel"))).toHaveLength(1);
  });

  it("polls a prediction slower than the create's wait (a cold start) to completion", async () => {
    server.script(MODELS.video, { ...scripts()[MODELS.video], coldStartMs: 1200, latencyMs: 300 });
    const call = await provider().videoModel.animate(clip);
    expect(call.output.durationSec).toBe(2);
    const polls = server.requests.filter(
      (r) => r.method === "GET" && r.path.startsWith("/v1/predictions/"),
    );
    expect(polls.length).toBeGreaterThan(1);
    expect(server.requests.filter((r) => r.path.endsWith("/cancel"))).toHaveLength(0);
  });

  it("cancels its prediction on Replicate when the caller aborts, and creates no other", async () => {
    withFaults(MODELS.video, [{ kind: "never_finishes" }]);
    const controller = new AbortController();
    const pending = provider().videoModel.animate({ ...clip, signal: controller.signal });
    await new Promise((r) => setTimeout(r, 1500));
    controller.abort();
    const error = await failure(pending);
    expect(error.message).toBe("The video model call was cancelled.");
    expect(server.predictions().map((p) => p.status)).toEqual(["canceled"]);
    expect(creates(MODELS.videoFallback)).toHaveLength(0);
  });
});

describe("LLM answers", () => {
  const parse = (p = provider()) =>
    p.promptParser.parse({ productPrompt: "Matte black bottle", styleKeywords: [], numViews: 4 });

  it("repairs a malformed JSON answer in one more round, and both rounds are charged", async () => {
    withFaults(MODELS.llm, [{ kind: "malformed_json" }]);
    const call = await parse();
    expect(call.output.views).toHaveLength(4);
    const prompts = server.predictions().map((p) => String(p.input.prompt));
    expect(prompts).toHaveLength(2);
    expect(prompts[1]).toContain("Your previous answer was");
    expect(call.costUsd).toBeCloseTo(2 * (0.00065 + 0.001375), 9);
  });

  it("fails clearly when the repaired answer is malformed too", async () => {
    withFaults(MODELS.llm, [{ kind: "malformed_json" }, { kind: "malformed_json" }]);
    const error = await failure(parse());
    expect(error.message).toBe(UNREADABLE_REPLY);
    expect(error.details.costUsd).toBeCloseTo(2 * (0.00065 + 0.001375), 9);
  });
});
