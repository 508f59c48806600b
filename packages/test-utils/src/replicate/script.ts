import type { FixtureKind, FixtureOptions } from "../fixtures";

/** One scripted misbehaviour, used up by one create request (or one prediction) in order. */
export type Fault =
  /** The create request is answered 429 with this Retry-After. */
  | { kind: "rate_limit"; retryAfterSec: number }
  /** The create request is answered 500. */
  | { kind: "server_error" }
  /** The prediction fails with this error text. */
  | { kind: "failed"; error?: string }
  /** The prediction fails the way FLUX reports its safety filter. */
  | { kind: "nsfw" }
  /** An LLM answers prose instead of the JSON asked for. */
  | { kind: "malformed_json" }
  /** The prediction succeeds, but its output URL answers 404. */
  | { kind: "missing_output" }
  /** The prediction stays `processing` until cancelled. */
  | { kind: "never_finishes" };

export interface OutputContext {
  /** The URL of a real file served by the test server. */
  file(kind: FixtureKind, options?: FixtureOptions): Promise<string>;
}

/** How one model behaves on the test server. */
export interface ModelScript {
  /** Time in `processing` (default 0). */
  latencyMs?: number;
  /** Time in `starting` before processing begins (default 0). */
  coldStartMs?: number;
  /** The prediction's output for an input (an LLM answers an array of tokens). */
  output?: (input: Record<string, unknown>, ctx: OutputContext) => unknown;
  /** Extra `metrics` (predict_time defaults to the latency in seconds). */
  metrics?: (input: Record<string, unknown>) => Record<string, number>;
  /** Consumed one per create request, in order; later requests behave normally. */
  faults?: Fault[];
}

export const NSFW_ERROR = "NSFW content detected. Try running it again, or try a different prompt.";
