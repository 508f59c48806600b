import { VIEW_TYPES } from "@adgen/schemas";
import {
  startReplicateTestServer,
  type ModelScript,
  type ReplicateTestServer,
} from "@adgen/test-utils";
import { readReplicateConfig, type ReplicateConfig } from "../env";

/** The models of the default table, as the test server scripts them. */
export const MODELS = {
  llm: "meta/meta-llama-3-70b-instruct",
  llmFallback: "meta/meta-llama-3-8b-instruct",
  image: "black-forest-labs/flux-dev",
  imageFallback: "black-forest-labs/flux-schnell",
  edit: "black-forest-labs/flux-kontext-pro",
  editFallback: "black-forest-labs/flux-kontext-dev",
  video: "kwaivgi/kling-v2.1",
  videoFallback: "wan-video/wan-2.2-i2v-fast",
  music: "meta/musicgen",
  musicVersion: "671ac645ce5e552cc63a54a2bbff63fcf798043055d2dac5fc9e36a837eedcfb",
} as const;

/** One image model request, as the image step makes it. */
export const IMAGE_REQUEST = {
  prompt: "front view",
  negativePrompt: "",
  viewType: "front" as const,
  seed: 1,
  width: 1024,
  height: 1024,
};

const tokens = (text: string) => text.match(/.{1,12}/gs) ?? [];

/**
 * What an instruct LLM answers to our two system prompts, read from the user prompt the
 * provider sends (number of views, image ids) — valid JSON wrapped in prose and a fence,
 * as real models often answer.
 */
export function llmAnswer(input: Record<string, unknown>): string[] {
  const prompt = String(input.prompt ?? "");
  const views = /Number of views: (\d+)/.exec(prompt);
  if (views) {
    const n = Number(views[1]);
    const json = {
      category: "bottle",
      productDescription: "A matte black aluminium water bottle with a bamboo cap",
      colors: [{ name: "matte black", hex: "#1a1a1a" }],
      materials: ["aluminium", "bamboo"],
      styleKeywords: ["minimal"],
      views: VIEW_TYPES.slice(0, n).map((viewType) => ({
        viewType,
        prompt: `Studio product photo, ${viewType} view of a matte black aluminium water bottle`,
        negativePrompt: "text, watermark",
      })),
    };
    return tokens(`Here is the JSON:\n\`\`\`json\n${JSON.stringify(json)}\n\`\`\``);
  }
  const ids = [...prompt.matchAll(/^- ([\w-]+): /gm)].map((m) => m[1]);
  const moves = ["push_in", "orbit", "pan_left", "tilt_up"];
  const scenes = ids.map((imageId, i) => ({
    imageId,
    cameraMove: moves[i % moves.length],
    intensity: 0.4,
    grade: "warm",
    motionPrompt: "The camera glides slowly around the bottle on marble",
  }));
  return tokens(JSON.stringify({ scenes }));
}

export interface Latencies {
  llm?: number;
  image?: number;
  video?: number;
  music?: number;
}

/** Scripts every default model (and fallback) to answer correctly with real files. */
export function scriptHappyModels(server: ReplicateTestServer, latency: Latencies = {}) {
  const llm: ModelScript = {
    latencyMs: latency.llm ?? 5,
    output: llmAnswer,
    metrics: () => ({ input_token_count: 1000, output_token_count: 500 }),
  };
  const image: ModelScript = {
    latencyMs: latency.image ?? 5,
    output: async (_input, ctx) => [await ctx.file("png")],
  };
  const edit: ModelScript = {
    latencyMs: latency.image ?? 5,
    output: (_input, ctx) => ctx.file("png"),
  };
  const video: ModelScript = {
    latencyMs: latency.video ?? 5,
    output: (_input, ctx) => ctx.file("mp4", { durationSec: 5 }),
  };
  const music: ModelScript = {
    latencyMs: latency.music ?? 5,
    output: (input, ctx) => ctx.file("wav", { durationSec: Number(input.duration ?? 8) }),
    // MusicGen's billed seconds; its price is per hardware second.
    metrics: () => ({ predict_time: 20 }),
  };
  server.script(MODELS.llm, llm);
  server.script(MODELS.llmFallback, llm);
  server.script(MODELS.image, image);
  server.script(MODELS.imageFallback, image);
  server.script(MODELS.edit, edit);
  server.script(MODELS.editFallback, edit);
  server.script(MODELS.video, video);
  server.script(MODELS.videoFallback, video);
  server.script(`${MODELS.music}:${MODELS.musicVersion}`, music);
}

/** Provider variables pointing at the test server, with test-sized waits. */
export function testEnv(server: ReplicateTestServer, extra: Record<string, string> = {}) {
  return {
    REPLICATE_API_TOKEN: "test-token",
    REPLICATE_BASE_URL: server.baseUrl,
    REPLICATE_OUTPUT_HOSTS: `replicate.delivery,*.replicate.delivery,${server.host}`,
    REPLICATE_RETRY_BASE_MS: "20",
    REPLICATE_RETRY_MAX_MS: "200",
    REPLICATE_WAIT_SECONDS: "1",
    REPLICATE_POLL_INTERVAL_MS: "20",
    REPLICATE_POLL_MAX_INTERVAL_MS: "100",
    ...extra,
  };
}

export function testConfig(
  server: ReplicateTestServer,
  extra: Record<string, string> = {},
): ReplicateConfig {
  return readReplicateConfig(testEnv(server, extra));
}

/**
 * One Replicate test server per test file, reset and scripted with working models before
 * each test; `current()` is the server (set once `beforeAll` ran).
 */
export function useReplicateServer(hooks: {
  beforeAll: (fn: () => Promise<void>) => void;
  afterAll: (fn: () => Promise<void>) => void;
  beforeEach: (fn: () => void) => void;
}): { current: () => ReplicateTestServer } {
  let server: ReplicateTestServer | undefined;
  hooks.beforeAll(async () => {
    server = await startReplicateTestServer();
  });
  hooks.afterAll(async () => {
    await server?.close();
  });
  hooks.beforeEach(() => {
    server?.reset();
    if (server) scriptHappyModels(server);
  });
  return {
    current: () => {
      if (!server) throw new Error("the Replicate test server has not started");
      return server;
    },
  };
}
