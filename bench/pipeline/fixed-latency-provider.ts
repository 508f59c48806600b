import type { Provider } from "@adgen/agents";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A provider whose image, video and analysis calls only wait, like a remote model: the output is
 * made once by the real local model and reused, so the benchmark measures orchestration
 * and parallelism, not this machine's CPU.
 */
export function fixedLatencyProvider(base: Provider, latencyMs: number): Provider {
  let image: ReturnType<Provider["imageModel"]["generate"]> | undefined;
  let clip: ReturnType<Provider["videoModel"]["animate"]> | undefined;
  let analysis: ReturnType<Provider["videoAnalyst"]["analyse"]> | undefined;
  return {
    ...base,
    name: `${base.name}+latency`,
    imageModel: {
      id: "bench/fixed-latency-image",
      generate: async (req) => {
        image ??= base.imageModel.generate(req);
        const output = await image;
        await sleep(latencyMs);
        return { ...output, durationMs: latencyMs };
      },
    },
    videoModel: {
      id: "bench/fixed-latency-video",
      animate: async (req) => {
        clip ??= base.videoModel.animate(req);
        const output = await clip;
        await sleep(latencyMs);
        return { ...output, durationMs: latencyMs };
      },
    },
    videoAnalyst: {
      id: "bench/fixed-latency-analyst",
      analyse: async (req) => {
        analysis ??= base.videoAnalyst.analyse(req);
        const output = await analysis;
        await sleep(latencyMs);
        return { ...output, durationMs: latencyMs };
      },
    },
  };
}
