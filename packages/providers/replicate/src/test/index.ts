/** Test and benchmark support: the whole flow on the Replicate test server (not for production). */
export { composeRequest, startReplicateFlow, type FlowHarness } from "./flow-harness";
export {
  MODELS,
  llmAnswer,
  scriptHappyModels,
  testConfig,
  testEnv,
  type Latencies,
} from "./replicate-models";
