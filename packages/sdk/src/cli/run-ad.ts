import type { AdgenClient } from "../client";
import type { AdSpec, ApprovePolicy } from "../create-ad";
import { AdgenError } from "../errors";
import type { Output } from "./output";

export interface AdRun {
  /** Progress row key and label prefix (batch shows one row per line). */
  key: string;
  label: string;
  file: string;
  approve?: ApprovePolicy;
  resume?: string;
  signal: AbortSignal;
}

/** Makes one ad and saves its MP4: what `make` does once and `batch` per line. */
export async function makeAndSave(client: AdgenClient, out: Output, spec: AdSpec, run: AdRun) {
  const started = Date.now();
  const { sessionId, session } = await client.createAd(spec, {
    approve: run.approve,
    resume: run.resume,
    signal: run.signal,
    onProgress: (event) => out.progress(run.key, run.label, event),
  });
  const saved = await client.download(sessionId, run.file);
  const video = session.finalVideo!;
  const result = {
    sessionId,
    file: saved.path,
    bytes: saved.bytes,
    duration: video.duration,
    resolution: video.resolution,
    totalCost: session.totalCost,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
  out.progressEnd(run.key);
  return result;
}

/**
 * After Ctrl-C: cancels the running step (`generation.cancel`: the ad goes back to the stage
 * the step started from and nothing more is charged) and says how to continue. Between
 * steps there is nothing to cancel, and the ad simply waits where it is.
 */
export async function stopAndExplain(client: AdgenClient, sessionId: string, resumeHint: string) {
  const cancelled = await client.trpc.generation.cancel.mutate({ sessionId }).then(
    (moved) => moved,
    (error: unknown) => {
      if (error instanceof AdgenError && error.kind === "wrong_step") return null;
      throw error;
    },
  );
  return cancelled
    ? `Cancelled the running step of ${sessionId} (back at ${cancelled.stage}); nothing more is charged. Continue it with: ${resumeHint}`
    : `Stopped; ${sessionId} is waiting at its last step. Continue it with: ${resumeHint}`;
}
