export { createAdgenClient, type AdgenClient, type AdgenClientOptions } from "./client";
export {
  createAd,
  type Approval,
  type ApprovePolicy,
  type CreateAdOptions,
  type CreatedAd,
} from "./create-ad";
export { AdgenError, type AdgenErrorKind, type FieldErrors } from "./errors";
export type {
  AdSession,
  AdgenInputs,
  AdgenOutputs,
  AdgenRouter,
  GeneratedClip,
  GeneratedImage,
} from "./router";
export { adSpecSchema, checkAdSpec, type AdSpec } from "./spec";
export type { WaitForStepOptions, WatchedEvent, WatchOptions } from "./watch";
export type { ProgressEvent, Stage } from "@adgen/schemas";
