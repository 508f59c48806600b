import type { Provider } from "@adgen/agents";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A provider whose image and video calls only wait, like a remote model: the output is
 * made once by the real local model and reused, so the benchmark measures orchestration
 * and parallelism, not this machine's CPU.
 */
export function fixedLatencyProvider(base: Provider, latencyMs: number): Provider {
  let image: ReturnType<Provider["imageModel"]["generate"]> | undefined;
  let clip: ReturnType<Provider["videoModel"]["animate"]> | undefined;
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
  };
}
