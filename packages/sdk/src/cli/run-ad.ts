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
 * After Ctrl-C: stops the running step where the server can (`generation.cancel`, when this
 * server has it), else leaves it running; either way says how to pick the ad up again.
 */
export async function stopAndExplain(client: AdgenClient, sessionId: string, resumeHint: string) {
  // Called by path, not through the typed router: older servers do not have it.
  const generation = client.trpc.generation as unknown as Record<
    string,
    { mutate(input: { sessionId: string }): Promise<unknown> }
  >;
  const cancelled = await generation
    .cancel!.mutate({ sessionId })
    .then(() => true)
    .catch((error: unknown) => {
      if (!(error instanceof AdgenError)) throw error;
      return false;
    });
  return cancelled
    ? `Cancelled the running step of ${sessionId}; nothing more is charged. Continue it with: ${resumeHint}`
    : `Stopped waiting; ${sessionId} goes on on the server. Follow it with \`adgen watch ${sessionId}\`, or continue it with: ${resumeHint}`;
}
