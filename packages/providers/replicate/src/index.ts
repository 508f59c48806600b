export { providerFromEnv } from "./from-env";
export {
  createReplicateProvider,
  createReplicateClient,
  type ReplicateProviderOptions,
} from "./provider";
export { readReplicateConfig, replicateEnvSchema, type ReplicateConfig } from "./env";
export { DEFAULT_PRICES, DEFAULT_ROLES, type Price, type Role } from "./models";
export { downloadOutput, hostAllowed, OutputDownloadError } from "./output/download";
export { estimateUsd, billedUsd } from "./client/cost";
