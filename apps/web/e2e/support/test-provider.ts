import type { Provider } from "@adgen/agents";
import { createLocalProvider } from "@adgen/provider-local";

/** Which model calls the e2e controls can hold back or fail. */
export type ControlledModel = "images" | "clips";

interface Gate {
  /** Calls let through before the gate closes. */
  passes: number;
  open: Promise<void>;
  release: () => void;
}

/**
 * The local provider with two test levers, so the e2e can see a batch half done (hold every
 * call after the first until released) and a step fail (every call throws) without timing.
 */
export function createTestProvider() {
  const base = createLocalProvider();
  const gates = new Map<ControlledModel, Gate>();
  const failing = new Set<ControlledModel>();

  async function pass(model: ControlledModel) {
    if (failing.has(model)) throw new Error(`The ${model} service is unavailable (e2e).`);
    const gate = gates.get(model);
    if (!gate) return;
    if (gate.passes > 0) {
      gate.passes--;
      return;
    }
    await gate.open;
  }

  const provider: Provider = {
    ...base,
    imageModel: Object.assign(Object.create(base.imageModel) as Provider["imageModel"], {
      generate: async (req: Parameters<Provider["imageModel"]["generate"]>[0]) => {
        await pass("images");
        return base.imageModel.generate(req);
      },
    }),
    videoModel: Object.assign(Object.create(base.videoModel) as Provider["videoModel"], {
      animate: async (req: Parameters<Provider["videoModel"]["animate"]>[0]) => {
        await pass("clips");
        return base.videoModel.animate(req);
      },
    }),
  };

  return {
    provider,
    /** Lets `passes` calls through, then holds the rest until `release`. */
    hold(model: ControlledModel, passes: number) {
      gates.get(model)?.release();
      let release = () => {};
      const open = new Promise<void>((resolve) => (release = resolve));
      gates.set(model, { passes, open, release });
    },
    release(model: ControlledModel) {
      gates.get(model)?.release();
      gates.delete(model);
    },
    fail(model: ControlledModel, on: boolean) {
      if (on) failing.add(model);
      else failing.delete(model);
    },
  };
}

export type TestProvider = ReturnType<typeof createTestProvider>;
