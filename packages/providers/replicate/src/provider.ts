import type { Provider } from "@adgen/agents";
import { createLocalProvider } from "@adgen/provider-local";
import Replicate from "replicate";
import { createReplicateImageModel } from "./agents/image-model";
import { createReplicateMusicModel } from "./agents/music-model";
import { createReplicatePromptParser } from "./agents/prompt-parser";
import { createReplicateScenePlanner } from "./agents/scene-planner";
import { createReplicateVideoModel } from "./agents/video-model";
import { createBackoffFetch, type BackoffOptions } from "./client/backoff-fetch";
import type { ReplicateContext } from "./client/call-model";
import { settleInterrupted } from "./client/settle-interrupted";
import { readReplicateConfig, type ReplicateConfig } from "./env";

export interface ReplicateProviderOptions {
  /** Resolved configuration; read from the environment when absent. */
  config?: ReplicateConfig;
  /** Told about every HTTP back-off wait (logs, tests). */
  onRetry?: BackoffOptions["onRetry"];
}

/** The Replicate client with our back-off in its fetch, and file outputs as plain URLs. */
export function createReplicateClient(
  config: ReplicateConfig,
  onRetry?: BackoffOptions["onRetry"],
) {
  return new Replicate({
    auth: config.token,
    baseUrl: config.baseUrl,
    // FileOutput objects hide the URL (JSON.stringify gives {}); we download URLs ourselves.
    useFileOutput: false,
    fetch: createBackoffFetch({ ...config.http, onRetry }),
  });
}

/**
 * Every agent on Replicate models (DESIGN.md, "Replicate provider"). The clip analyst is
 * the local one: it measures real frames of any video, so it works on real clips as is.
 */
export function createReplicateProvider(options: ReplicateProviderOptions = {}): Provider {
  const config = options.config ?? readReplicateConfig();
  const ctx: ReplicateContext = { client: createReplicateClient(config, options.onRetry), config };
  return {
    name: "replicate",
    promptParser: createReplicatePromptParser(ctx),
    imageModel: createReplicateImageModel(ctx),
    scenePlanner: createReplicateScenePlanner(ctx),
    videoModel: createReplicateVideoModel(ctx),
    videoAnalyst: createLocalProvider().videoAnalyst,
    musicModel: createReplicateMusicModel(ctx),
    settleInterrupted: (refs) => settleInterrupted(ctx, refs),
  };
}
