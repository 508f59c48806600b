import type { Provider } from "@adgen/agents";
import { createLocalProvider } from "@adgen/provider-local";
import { readReplicateConfig } from "./env";
import { createReplicateProvider } from "./provider";

/**
 * The provider GENERATION_PROVIDER names (read and checked by the pipeline's env.ts). For
 * `replicate` its own variables are read here, at start-up, so a missing token stops the
 * process with the variable's name.
 */
export function providerFromEnv(
  name: "local" | "replicate",
  source?: Record<string, string | undefined>,
): Provider {
  if (name === "local") return createLocalProvider();
  return createReplicateProvider({ config: readReplicateConfig(source) });
}
