/**
 * Load benchmark (issue 9, fault 10): N users each make a whole ad at once through the SDK
 * against the real server on the local provider (embedded worker, WORKER_CONCURRENCY 2 by
 * default; PGlite, or PostgreSQL with DATABASE_URL). Every flow must complete with zero
 * errors; prints throughput and the p50/p99 wait per step (from the step's Queued event to
 * its done event).
 *
 *   pnpm --filter @adgen/bench run load [-- --sessions 50 --concurrency 2]
 */
import { parseArgs } from "node:util";
import { loadavg } from "node:os";
import { createAdgenClient, type AdSpec, type WatchedEvent } from "@adgen/sdk";
import { createTestDatabase } from "@adgen/db/testing";
import { benchEnv } from "../lib/env";
import { spawnBenchServer } from "../lib/spawn-server";
import { ms, percentile } from "../lib/stats";

const { values: args } = parseArgs({
  // pnpm 12 passes the `--` of `pnpm run load -- --flag` through; skip it.
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    sessions: { type: "string", default: "50" },
    concurrency: { type: "string", default: "2" },
  },
});
const SESSIONS = Number(args.sessions);

/** A short ad: 4 stills, 2 approved, two 2 s clips, music, square. */
const SPEC: AdSpec = {
  productPrompt: "Matte black aluminium water bottle with a bamboo lid",
  videoPrompt: "Slow push-in on the bottle on a sunlit kitchen counter",
  productName: "Summit Bottle",
  cta: "Shop now",
  numImages: 4,
  clipDuration: 2,
  music: "chill",
  aspectRatio: "1:1",
};
const STEPS = ["image_generation", "clip_generation", "final_composition"] as const;

interface Flow {
  ok: boolean;
  error?: string;
  seconds: number;
  waits: Partial<Record<(typeof STEPS)[number], number>>;
}

/** Per step, from its first event (Queued) to its done event, by the server's clock. */
function stepWaits(events: WatchedEvent[]): Flow["waits"] {
  const waits: Flow["waits"] = {};
  for (const step of STEPS) {
    const first = events.find((e) => e.stage === step);
    const start = first ? Date.parse(first.timestamp) : NaN;
    const done = events.find((e) => e.done && Date.parse(e.timestamp) >= start && e !== first);
    if (first && done) waits[step] = Date.parse(done.timestamp) - start;
  }
  return waits;
}

async function oneUser(baseUrl: string, index: number): Promise<Flow> {
  const started = performance.now();
  const client = createAdgenClient({ baseUrl });
  const events: WatchedEvent[] = [];
  try {
    await client.signup({
      email: `load-${Date.now()}-${index}@example.com`,
      password: "bench-password-1",
    });
    await client.createAd(SPEC, { approve: 2, onProgress: (event) => events.push(event) });
    return { ok: true, seconds: (performance.now() - started) / 1000, waits: stepWaits(events) };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, error: message, seconds: (performance.now() - started) / 1000, waits: {} };
  } finally {
    client.close();
  }
}

const databaseUrl = benchEnv.databaseUrl;
const scratch = databaseUrl ? await createTestDatabase() : null;
const server = await spawnBenchServer({
  BENCH_DATABASE_URL: scratch?.url ?? "",
  BENCH_WORKER_CONCURRENCY: args.concurrency,
});
console.log(
  `${SESSIONS} users at once, each a whole ad through the SDK; ${scratch ? "PostgreSQL" : "PGlite"}, ` +
    `embedded worker, WORKER_CONCURRENCY ${args.concurrency}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
);
console.log(
  `server keepAliveTimeout ${server.keepAliveTimeout} ms, headersTimeout ${server.headersTimeout} ms`,
);
const started = performance.now();
let flows: Flow[];
try {
  flows = await Promise.all(Array.from({ length: SESSIONS }, (_, i) => oneUser(server.baseUrl, i)));
} finally {
  await server.stop();
  await scratch?.drop();
}
const wall = (performance.now() - started) / 1000;
const failed = flows.filter((f) => !f.ok);
console.log(
  `\ncompleted ${flows.length - failed.length} of ${flows.length}, errors ${failed.length}`,
);
const reasons = new Map<string, number>();
for (const f of failed) reasons.set(f.error!, (reasons.get(f.error!) ?? 0) + 1);
for (const [reason, count] of reasons) console.log(`  ${count} × ${reason}`);
console.log(
  `wall ${wall.toFixed(1)} s, throughput ${((flows.length - failed.length) / (wall / 60)).toFixed(2)} ads/min`,
);
for (const step of STEPS) {
  const waits = flows.flatMap((f) => (f.waits[step] === undefined ? [] : [f.waits[step]]));
  console.log(
    `  ${step.padEnd(18)} wait p50 ${ms(percentile(waits, 50)).padStart(9)}  p99 ${ms(percentile(waits, 99)).padStart(9)}  (${waits.length} flows)`,
  );
}
const total = flows.filter((f) => f.ok).map((f) => f.seconds * 1000);
console.log(
  `  whole ad           p50 ${ms(percentile(total, 50)).padStart(9)}  p99 ${ms(percentile(total, 99)).padStart(9)}`,
);
process.exitCode = failed.length > 0 ? 1 : 0;
