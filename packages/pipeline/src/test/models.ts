import type { Provider } from "@adgen/agents";

type ModelName = Exclude<keyof Provider, "name" | "settleInterrupted">;

/**
 * The provider with some of one model's members replaced (a gate, a fault, a price); the
 * model's id and estimate are kept unless replaced too.
 */
export function overrideModel<K extends ModelName>(
  provider: Provider,
  name: K,
  override: (base: Provider[K]) => Partial<Provider[K]>,
): Provider {
  const base = provider[name];
  const kept = {
    id: base.id,
    estimateCostUsd: (req: { durationSec?: number }) => base.estimateCostUsd?.(req) ?? 0,
  };
  return { ...provider, [name]: { ...base, ...kept, ...override(base) } };
}
