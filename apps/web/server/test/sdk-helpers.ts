import type { Provider } from "@adgen/agents";
import { createLocalProvider } from "@adgen/provider-local";
import { createAdgenClient } from "@adgen/sdk";

export const uniqueEmail = (who: string) =>
  `${who}-${Math.random().toString(36).slice(2)}@example.com`;

/** A new account and an SDK client logged in to it. */
export async function signedUpClient(baseUrl: string, who = "sdk") {
  const client = createAdgenClient({ baseUrl });
  const account = { email: uniqueEmail(who), password: "long-enough-pw" };
  await client.signup(account);
  return { client, account };
}

/**
 * The local provider whose image renders can be held back, so a test can act while a step
 * is known to be mid-way (drop a socket, say) and then let it finish.
 */
export function holdableLocalProvider() {
  const base = createLocalProvider();
  let held: Promise<void> | null = null;
  let release = () => {};
  const provider: Provider = {
    ...base,
    imageModel: {
      id: base.imageModel.id,
      estimateCostUsd: base.imageModel.estimateCostUsd?.bind(base.imageModel),
      generate: async (req) => {
        await held;
        return base.imageModel.generate(req);
      },
    },
  };
  return {
    provider,
    hold() {
      held = new Promise((resolve) => (release = resolve));
    },
    release() {
      held = null;
      release();
    },
  };
}
