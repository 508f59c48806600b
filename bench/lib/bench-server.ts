/**
 * A child process running the real web server (HTTP + WebSocket + embedded worker) for the
 * benchmarks, so the clients' own work never shares its event loop. Configured by env:
 * BENCH_DATABASE_URL (else PGlite in BENCH_DATA_DIR), BENCH_WORKER_MODE, BENCH_WORKER_CONCURRENCY
 * and BENCH_BASELINE=1 (progress/baseline.ts: the per-subscriber follower and in-thread renders
 * from before issue 9). Prints one JSON line when ready.
 */
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { THROTTLE_POLICIES } from "@adgen/auth";
import { createLocalProvider } from "@adgen/provider-local";
import { createLocalStorage } from "@adgen/storage";
import { createHttpApp } from "@adgen/web/server/app";
import { readServerEnv } from "@adgen/web/server/env";
import { createServices } from "@adgen/web/server/services";
import type { EventBus } from "@adgen/pipeline";
import { installBaseline } from "../progress/baseline";
import { readBenchServerEnv } from "./env";

/**
 * Records, for every event handed to a subscription, how long after its publication the
 * server had it ready to send: the server's share of publish→receipt.
 */
function measureFanOut(events: EventBus): number[] {
  const lags: number[] = [];
  const follow = events.follow.bind(events);
  events.follow = async function* (sessionId, options) {
    for await (const item of follow(sessionId, options)) {
      lags.push(Date.now() - Date.parse(item.event.timestamp));
      yield item;
    }
  };
  return lags;
}

const config = readBenchServerEnv();
const env = readServerEnv({ NODE_ENV: "test", APP_URL: "http://127.0.0.1" });
const storage = createLocalStorage({ root: path.join(config.dataDir, "media") });
const provider = createLocalProvider();
const services = await createServices(env, {
  databaseUrl: config.databaseUrl,
  pgliteDir: path.join(config.dataDir, "pglite"),
  storage,
  pipeline: {
    workerMode: config.workerMode,
    workerConcurrency: config.workerConcurrency,
    provider,
  },
  // Every bench user signs up from 127.0.0.1.
  throttle: { signupAddress: { ...THROTTLE_POLICIES.signupAddress, limit: 100_000 } },
});
if (config.baseline) await installBaseline(services.conn, services.pipeline.events, provider);
const fanOutLags = measureFanOut(services.pipeline.events);
// Blocks of the server's event loop delay every socket write that follows them.
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
const http = await createHttpApp({
  services: services.api,
  remix: "none",
  allowedOrigins: env.allowedOrigins,
  storage,
});
const port = await http.listen(0, "127.0.0.1");
const { keepAliveTimeout, headersTimeout } = http.server;
console.log(JSON.stringify({ ready: port, keepAliveTimeout, headersTimeout }));

process.on("SIGTERM", () => {
  void (async () => {
    console.log(
      JSON.stringify({
        fanOutLags,
        loopDelayMs: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
      }),
    );
    await http.close().catch(() => undefined);
    await services.close().catch(() => undefined);
    process.exit(0);
  })();
});
