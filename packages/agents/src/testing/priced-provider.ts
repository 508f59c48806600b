import { ModelCallError, type Provider } from "../contracts";

export interface Prices {
  parser?: number;
  /** What the parser really charges, when it differs from its estimate (LLM token counts vary). */
  parserActual?: number;
  image?: number;
  planner?: number;
  videoPerSecond?: number;
  analyst?: number;
}

export interface Faults {
  /** Image calls for these view types fail (permanently unless `retryable`). */
  failViews?: string[];
  failAllImages?: boolean;
  retryable?: boolean;
  /** Fixed latency added to every image and video call, to measure parallel speed-up. */
  latencyMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Wraps a real provider with a price list and injected faults, the way a paid provider
 * behaves: each call has an estimate and a charge, and some calls fail after being billed.
 */
export function withPricesAndFaults(base: Provider, prices: Prices, faults: Faults = {}): Provider {
  const charge = <T extends { costUsd: number }>(call: T, usd: number): T => ({
    ...call,
    costUsd: usd,
  });
  return {
    name: `${base.name}+priced`,
    promptParser: {
      id: base.promptParser.id,
      estimateCostUsd: () => prices.parser ?? 0,
      parse: async (req) =>
        charge(await base.promptParser.parse(req), prices.parserActual ?? prices.parser ?? 0),
    },
    imageModel: {
      id: base.imageModel.id,
      estimateCostUsd: () => prices.image ?? 0,
      generate: async (req) => {
        if (faults.latencyMs) await sleep(faults.latencyMs);
        if (faults.failAllImages || faults.failViews?.includes(req.viewType)) {
          throw new ModelCallError(`The image model could not render the ${req.viewType} view.`, {
            model: base.imageModel.id,
            costUsd: prices.image ?? 0,
            durationMs: 5,
            retryable: faults.retryable ?? false,
          });
        }
        return charge(await base.imageModel.generate(req), prices.image ?? 0);
      },
    },
    scenePlanner: {
      id: base.scenePlanner.id,
      estimateCostUsd: () => prices.planner ?? 0,
      plan: async (req) => charge(await base.scenePlanner.plan(req), prices.planner ?? 0),
    },
    videoModel: {
      id: base.videoModel.id,
      estimateCostUsd: ({ durationSec }) => (prices.videoPerSecond ?? 0) * (durationSec ?? 0),
      animate: async (req) => {
        if (faults.latencyMs) await sleep(faults.latencyMs);
        return charge(
          await base.videoModel.animate(req),
          (prices.videoPerSecond ?? 0) * req.durationSec,
        );
      },
    },
    videoAnalyst: {
      id: base.videoAnalyst.id,
      estimateCostUsd: () => prices.analyst ?? 0,
      analyse: async (req) => charge(await base.videoAnalyst.analyse(req), prices.analyst ?? 0),
    },
    musicModel: base.musicModel,
  };
}
