import type { ClipAnalysis, MusicGenre, ParsedPrompt, Scene, ViewPrompt } from "@adgen/schemas";

/**
 * The contracts between agents, providers and the pipeline. Agents do no database or
 * HTTP-server work: they take inputs and return outputs with cost, duration and model id.
 */

/** What every model call reports, successful or not. */
export interface ModelCall<T> {
  output: T;
  costUsd: number;
  durationMs: number;
  model: string;
}

/** Thrown by a provider when a call failed; still carries what the failed call cost. */
export class ModelCallError extends Error {
  constructor(
    message: string,
    readonly details: { model: string; costUsd: number; durationMs: number; retryable: boolean },
  ) {
    super(message);
    this.name = "ModelCallError";
  }
}

/**
 * What the pipeline hands every model call besides its input.
 */
export interface CallOptions {
  signal?: AbortSignal;
  /**
   * Told of each billable thing the call starts (a Replicate prediction), by a reference
   * `Provider.settleInterrupted` understands; awaited before the call waits on it, so a
   * worker killed mid-call leaves on the ledger what is needed to find its real cost.
   */
  onBillable?: (ref: string) => Promise<void>;
}

/*
 * The output schemas live in @adgen/schemas, because the database types the JSON it stores
 * with them and may not depend on this package. They are re-exported here for providers.
 */
export {
  CAMERA_MOVES,
  cameraMoveSchema,
  clipAnalysisSchema,
  parsedPromptSchema,
  PRODUCT_CATEGORIES,
  productCategorySchema,
  sceneSchema,
  viewPromptSchema,
  type CameraMove,
  type ClipAnalysis,
  type ParsedPrompt,
  type ProductCategory,
  type Scene,
  type ViewPrompt,
} from "@adgen/schemas";

export interface ImageModel {
  readonly id: string;
  /** What one call is expected to cost, checked against the budget before calling (0 when free). */
  estimateCostUsd?(req: { durationSec?: number }): number;
  generate(
    req: {
      prompt: string;
      negativePrompt: string;
      viewType: ViewPrompt["viewType"];
      seed: number;
      width: number;
      height: number;
    } & CallOptions,
  ): Promise<ModelCall<{ bytes: Buffer; contentType: string; width: number; height: number }>>;
}

export interface VideoModel {
  readonly id: string;
  /** What one call is expected to cost, checked against the budget before calling (0 when free). */
  estimateCostUsd?(req: { durationSec?: number }): number;
  animate(
    req: {
      image: Buffer;
      scene: Scene;
      durationSec: number;
      fps: number;
      seed: number;
    } & CallOptions,
  ): Promise<
    ModelCall<{
      bytes: Buffer;
      contentType: "video/mp4";
      width: number;
      height: number;
      fps: number;
      durationSec: number;
    }>
  >;
}

export interface MusicModel {
  readonly id: string;
  /** What one call is expected to cost, checked against the budget before calling (0 when free). */
  estimateCostUsd?(req: { durationSec?: number }): number;
  compose(
    req: {
      genre: MusicGenre;
      durationSec: number;
      seed: number;
    } & CallOptions,
  ): Promise<
    ModelCall<{ bytes: Buffer; contentType: "audio/wav" | "audio/mpeg"; durationSec: number }>
  >;
}

export interface PromptParserModel {
  readonly id: string;
  /** What one call is expected to cost, checked against the budget before calling (0 when free). */
  estimateCostUsd?(req: { durationSec?: number }): number;
  parse(
    req: {
      productPrompt: string;
      styleKeywords: string[];
      numViews: number;
    } & CallOptions,
  ): Promise<ModelCall<ParsedPrompt>>;
}

export interface ScenePlannerModel {
  readonly id: string;
  /** What one call is expected to cost, checked against the budget before calling (0 when free). */
  estimateCostUsd?(req: { durationSec?: number }): number;
  plan(
    req: {
      videoPrompt: string;
      productDescription: string;
      images: { imageId: string; viewType: string }[];
    } & CallOptions,
  ): Promise<ModelCall<Scene[]>>;
}

export interface VideoAnalystModel {
  readonly id: string;
  /** What one call is expected to cost, checked against the budget before calling (0 when free). */
  estimateCostUsd?(req: { durationSec?: number }): number;
  analyse(req: { video: Buffer } & CallOptions): Promise<ModelCall<ClipAnalysis>>;
}

/** A provider supplies one implementation of every model the agents use. */
export interface Provider {
  readonly name: string;
  promptParser: PromptParserModel;
  imageModel: ImageModel;
  scenePlanner: ScenePlannerModel;
  videoModel: VideoModel;
  videoAnalyst: VideoAnalystModel;
  musicModel: MusicModel;
  /**
   * What the billable things behind `refs` (all started by one call whose worker died) were
   * billed, in USD, stopping any still running; null when that cannot be known yet (asked
   * again later). Without it, an interrupted call stays charged at its estimate.
   */
  settleInterrupted?(refs: string[]): Promise<number | null>;
}
