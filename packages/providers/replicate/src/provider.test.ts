import { parsedPromptSchema } from "@adgen/schemas";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { makeFixture, type ReplicateTestServer } from "@adgen/test-utils";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createReplicateProvider } from "./provider";
import { MODELS, testConfig, useReplicateServer } from "./test/replicate-models";

const replicate = useReplicateServer({ beforeAll, afterAll, beforeEach });
let server: ReplicateTestServer;
beforeAll(() => {
  server = replicate.current();
});

const provider = () => createReplicateProvider({ config: testConfig(server) });
const created = (model: string) =>
  server.requests.filter(
    (r) => r.method === "POST" && r.model === model && !r.path.endsWith("/cancel"),
  );

describe("the Replicate provider", () => {
  it("parses a product prompt on the LLM into the local provider's JSON shape, priced per token", async () => {
    const call = await provider().promptParser.parse({
      productPrompt: "Matte black aluminium water bottle",
      styleKeywords: ["minimal"],
      numViews: 4,
    });
    expect(parsedPromptSchema.parse(call.output).views.map((v) => v.viewType)).toEqual([
      "front",
      "side",
      "back",
      "top",
    ]);
    expect(call.output.colors[0]?.hex).toBe("#1A1A1A");
    expect(call.model).toBe(MODELS.llm);
    // 1000 input tokens at $0.65/M + 500 output tokens at $2.75/M.
    expect(call.costUsd).toBeCloseTo(0.00065 + 0.001375, 9);
    const [input] = server.predictions().map((p) => p.input);
    expect(String(input?.system_prompt)).toContain('"productDescription"');
  });

  it("renders the hero with FLUX (seeded, go_fast off) and derives other views from it with Kontext", async () => {
    const images = provider().imageModel;
    const req = { negativePrompt: "", seed: 4242, width: 1024, height: 1024 };
    const calls = await Promise.all(
      (["front", "side", "back"] as const).map((viewType) =>
        images.generate({ ...req, prompt: `${viewType} view`, viewType }),
      ),
    );
    for (const call of calls) {
      expect(call.output.contentType).toBe("image/png");
      expect(call.output).toMatchObject({ width: 1024, height: 1024 });
    }
    const predictions = server.predictions();
    const hero = predictions.filter((p) => p.model === MODELS.image);
    const derived = predictions.filter((p) => p.model === MODELS.edit);
    expect(hero).toHaveLength(1);
    expect(hero[0]?.input).toMatchObject({
      seed: 4242,
      go_fast: false,
      aspect_ratio: "1:1",
      prompt: "front view",
    });
    expect(derived).toHaveLength(2);
    for (const edit of derived) {
      expect(edit.input.input_image).toMatch(new RegExp(`^${server.origin}/files/`));
      expect(edit.input.seed).toBe(4242);
    }
    expect(calls.map((c) => c.costUsd)).toEqual([0.025, 0.04, 0.04]);
    expect(images.estimateCostUsd?.({})).toBe(0.04);
  });

  it("reuses the hero for a view retried later, and makes a new hero for a view already made", async () => {
    const images = provider().imageModel;
    const req = { negativePrompt: "", seed: 77, width: 1024, height: 1024 };
    const make = (viewType: "front" | "side" | "back") =>
      images.generate({ ...req, prompt: `${viewType} view`, viewType });
    await Promise.all([make("front"), make("side")]);
    await make("back"); // a retried job's view: derived from the same hero
    const heroUrls = () =>
      server
        .predictions()
        .filter((p) => p.model === MODELS.edit)
        .map((p) => p.input.input_image);
    expect(new Set(heroUrls()).size).toBe(1);
    expect(server.predictions().filter((p) => p.model === MODELS.image)).toHaveLength(1);

    await Promise.all([make("front"), make("side")]); // another session with the same seed
    expect(server.predictions().filter((p) => p.model === MODELS.image)).toHaveLength(2);
    expect(new Set(heroUrls()).size).toBe(2);
  });

  it("animates the still on Kling from an uploaded start image and cuts the 5 s clip to exactly 3 s", async () => {
    const local = createReplicateProvider({ config: testConfig(server) });
    const still = await readFile(
      await makeFixture(path.join(tmpdir(), "adgen-provider-test"), "png"),
    );
    const call = await local.videoModel.animate({
      image: still,
      scene: {
        imageId: "i1",
        cameraMove: "orbit",
        intensity: 0.5,
        grade: "warm",
        motionPrompt: "Slow orbit",
      },
      durationSec: 3,
      fps: 30,
      seed: 7,
    });
    expect(call.output).toMatchObject({ width: 1280, height: 720, fps: 24, durationSec: 3 });
    // Kling bills the 5 s it made at $0.05 per second, whatever we keep.
    expect(call.costUsd).toBeCloseTo(0.25, 9);
    expect(local.videoModel.estimateCostUsd?.({ durationSec: 3 })).toBeCloseTo(0.25, 9);
    const [prediction] = server.predictions().filter((p) => p.model === MODELS.video);
    expect(prediction?.input).toMatchObject({ duration: 5, mode: "standard" });
    expect(String(prediction?.input.start_image)).toMatch(/\/files\/upload-/);
    expect(server.requests.some((r) => r.path === "/v1/files")).toBe(true);
  });

  it("makes the music bed on MusicGen by version, billed by predict time × the A100 rate", async () => {
    const call = await provider().musicModel.compose({ genre: "chill", durationSec: 12, seed: 3 });
    expect(call.output.contentType).toBe("audio/wav");
    expect(call.output.durationSec).toBeCloseTo(12, 1);
    expect(call.costUsd).toBeCloseTo(20 * 0.0014, 9);
    expect(server.requests.some((r) => r.path === "/v1/predictions" && r.method === "POST")).toBe(
      true,
    );
    expect(server.predictions()[0]?.input).toMatchObject({ duration: 12, output_format: "wav" });
    expect(created(MODELS.music)).toHaveLength(1);
  });
});
