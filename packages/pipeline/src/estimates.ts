import type { Provider } from "@adgen/agents";
import { usdToMicros } from "@adgen/schemas";

/** Free models (the local provider) have no estimate: they cost nothing. */
export function callMicros(model: { estimateCostUsd?: (req: { durationSec?: number }) => number }, durationSec?: number) {
  return usdToMicros(model.estimateCostUsd?.({ durationSec }) ?? 0);
}

export function estimateImagesMicros(provider: Provider, count: number): number {
  return callMicros(provider.promptParser) + count * callMicros(provider.imageModel);
}

export function estimateClipsMicros(provider: Provider, count: number, durationSec: number): number {
  return (
    callMicros(provider.scenePlanner) +
    count * (callMicros(provider.videoModel, durationSec) + callMicros(provider.videoAnalyst, durationSec))
  );
}

/** Composition runs on our own ffmpeg; only the music bed may be a paid call. */
export function estimateComposeMicros(provider: Provider, withMusic: boolean, durationSec: number): number {
  return withMusic ? callMicros(provider.musicModel, durationSec) : 0;
}
