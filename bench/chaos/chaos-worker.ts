/**
 * The stand-alone worker (apps/worker) as the chaos test runs it: the local models behind a
 * price list, each call slowed by CHAOS_LATENCY_MS and written to CHAOS_CALL_LOG when it ends.
 */
import { withPricesAndFaults } from "@adgen/agents/testing";
import { createLocalProvider } from "@adgen/provider-local";
import { runWorkerProcess } from "../../apps/worker/src/worker-process";
import { readChaosWorkerEnv } from "./env";
import { withPaidCallLog } from "./paid-calls";
import { CHAOS_PRICES } from "./settings";

const { callLog, latencyMs } = readChaosWorkerEnv();
const priced = withPricesAndFaults(createLocalProvider(), CHAOS_PRICES);
runWorkerProcess({
  provider: withPaidCallLog(priced, callLog, latencyMs),
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
