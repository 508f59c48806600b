/**
 * The worker as tests run it: the local models behind a price list (the prices of
 * `PRICES`), so every charge is a real amount and "charged once" can be checked by sum.
 * `MODEL_LATENCY_MS` slows each image and video call, so a test can stop a worker mid-job.
 */
import { withPricesAndFaults } from "@adgen/agents/testing";
import { createLocalProvider } from "@adgen/provider-local";
import { runWorkerProcess } from "../worker-process";
import { PRICES } from "./prices";

const latencyMs = Number(process.env.MODEL_LATENCY_MS ?? 0);
runWorkerProcess({
  provider: withPricesAndFaults(createLocalProvider(), PRICES, { latencyMs }),
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
