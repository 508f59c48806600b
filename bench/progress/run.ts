/**
 * Fan-out benchmark (issue 9, fault 4): 200 WebSocket subscribers on one session while the
 * server's embedded worker renders 8 images, on PGlite and (with DATABASE_URL) PostgreSQL.
 * Prints p50/p99/max from publish (the event's timestamp, taken as it is written) to receipt,
 * for the current code and for the baseline from before issue 9 (progress/baseline.ts).
 *
 *   pnpm --filter @adgen/bench run progress [-- --rounds 3 --only current]
 */
import { setMaxListeners } from "node:events";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { createAdgenClient, type AdgenClient } from "@adgen/sdk";
import { createTestDatabase } from "@adgen/db/testing";
import { benchEnv } from "../lib/env";
import { spawnBenchServer } from "../lib/spawn-server";
import { ms, percentile } from "../lib/stats";

const { values: args } = parseArgs({
  // pnpm 12 passes the `--` of `pnpm run load -- --flag` through; skip it.
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    rounds: { type: "string", default: "3" },
    only: { type: "string" },
  },
});
const ROUNDS = Number(args.rounds);
/** 20 sockets × 10 streams: one account's socket and per-socket stream limits. */
const SOCKETS = 20;
const STREAMS_PER_SOCKET = 10;
const IMAGES = 8;

interface Figures {
  /** Publish → the server has it ready to send. */
  serverP50: number;
  serverP99: number;
  samples: number;
  p50: number;
  p99: number;
  max: number;
  lost: number;
  /** The server's event-loop delay: a block delays every socket write behind it. */
  loopP99: number;
  loopMax: number;
  /** The same for this process, where the 200 subscriptions receive and decode. */
  clientLoopP99: number;
}

async function measure(database: "PGlite" | "PostgreSQL", baseline: boolean): Promise<Figures> {
  const scratch = database === "PostgreSQL" ? await createTestDatabase() : null;
  const server = await spawnBenchServer({
    BENCH_DATABASE_URL: scratch?.url ?? "",
    BENCH_BASELINE: baseline ? "1" : "0",
  });
  const clients: AdgenClient[] = [];
  const stop = new AbortController();
  setMaxListeners(0, stop.signal);
  try {
    const owner = createAdgenClient({ baseUrl: server.baseUrl });
    const email = `bench-${Date.now()}@example.com`;
    const { sessionToken } = await owner.signup({ email, password: "bench-password-1" });
    const { sessionId } = await owner.trpc.sessions.create.mutate();

    const latencies: number[] = [];
    const seen: Set<number>[] = [];
    let measuring = false;
    const doneCounts: number[] = [];
    const watchers: Promise<void>[] = [];
    for (let s = 0; s < SOCKETS; s++) {
      const client = createAdgenClient({ baseUrl: server.baseUrl, token: sessionToken });
      clients.push(client);
      for (let k = 0; k < STREAMS_PER_SOCKET; k++) {
        const index = doneCounts.push(0) - 1;
        seen.push(new Set());
        watchers.push(
          (async () => {
            for await (const event of client.watch(sessionId, { signal: stop.signal })) {
              if (measuring) latencies.push(Date.now() - Date.parse(event.timestamp));
              seen[index]!.add(Number(event.id));
              if (event.done) doneCounts[index]!++;
            }
          })(),
        );
      }
    }

    // Round 0 warms up (sockets, subscriptions, pool threads); the rest are measured.
    let published = 0;
    // This process decodes every subscriber's copy of every event: its own delays count too.
    const clientLoop = monitorEventLoopDelay({ resolution: 5 });
    for (let round = 0; round <= ROUNDS; round++) {
      measuring = round > 0;
      if (round === 1) clientLoop.enable();
      await owner.trpc.generation.generateImages.mutate({
        sessionId,
        productPrompt: "Matte black aluminium water bottle with a bamboo lid",
        numImages: IMAGES,
      });
      const deadline = Date.now() + 300_000;
      while (doneCounts.some((n) => n <= round)) {
        if (Date.now() > deadline) throw new Error(`round ${round}: not every subscriber got done`);
        await new Promise((r) => setTimeout(r, 20));
      }
      const session = await owner.trpc.sessions.get.query({ sessionId });
      if (session.stage !== "image_selection") throw new Error(`round ${round}: ${session.stage}`);
    }
    clientLoop.disable();
    published = Math.max(...seen.map((ids) => Math.max(...ids)));
    const lost = seen.reduce((sum, ids) => sum + (published - ids.size), 0);
    stop.abort();
    const { fanOutLags, loopDelayMs } = await server.stop();
    // Round 0 (warm-up) is left out: the lags of the last rounds' events.
    const serverLags = fanOutLags.slice(-latencies.length);
    return {
      serverP50: percentile(serverLags, 50),
      serverP99: percentile(serverLags, 99),
      samples: latencies.length,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: Math.max(...latencies),
      lost,
      clientLoopP99: clientLoop.percentile(99) / 1e6,
      loopP99: loopDelayMs?.p99 ?? NaN,
      loopMax: loopDelayMs?.max ?? NaN,
    };
  } finally {
    stop.abort();
    for (const client of clients) client.close();
    await server.stop();
    await scratch?.drop();
  }
}

const databases: ("PGlite" | "PostgreSQL")[] = ["PGlite"];
if (benchEnv.databaseUrl) databases.push("PostgreSQL");
else console.log("DATABASE_URL is not set: PostgreSQL is skipped.");
const kinds = args.only === "current" ? [false] : args.only === "baseline" ? [true] : [true, false];

console.log(
  `${SOCKETS * STREAMS_PER_SOCKET} subscribers (${SOCKETS} sockets × ${STREAMS_PER_SOCKET}) on one session, ` +
    `${IMAGES} images rendering, ${ROUNDS} measured rounds; load average ${(await import("node:os"))
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
);
const rows: string[] = [];
for (const database of databases) {
  for (const baseline of kinds) {
    const label = `${database.padEnd(10)} ${baseline ? "before (baseline)" : "after  (current) "}`;
    const f = await measure(database, baseline);
    const row =
      `${label}  p50 ${ms(f.p50).padStart(8)}  p99 ${ms(f.p99).padStart(8)}  max ${ms(f.max).padStart(8)}` +
      `  | server's share p50 ${ms(f.serverP50).padStart(8)}  p99 ${ms(f.serverP99).padStart(8)}` +
      `  | loop delay p99: server ${ms(f.loopP99)} (max ${ms(f.loopMax)}), clients ${ms(f.clientLoopP99)}` +
      `  | samples ${f.samples}  missed ${f.lost}`;
    console.log(row);
    rows.push(row);
  }
}
console.log(
  "\nTarget: p99 ≤ 50 ms after, on both databases. Issue 9's before: PGlite p50 112 / p99 275 ms; PostgreSQL p50 201 / p99 2,217 ms.",
);
