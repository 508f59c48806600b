import { describe, expect, it } from "vitest";
import { runChaos } from "../../../bench/chaos/driver";

/**
 * The short form of the chaos run (the long one: `pnpm --filter @adgen/bench run chaos`):
 * the web server and two workers on PostgreSQL, two whole ads, and a few `kill -9`s of a
 * worker at moments spread over the flow's phases. Separate processes on one PostgreSQL,
 * so it needs DATABASE_URL.
 */
describe.runIf(Boolean(process.env.DATABASE_URL))("workers killed during whole flows", () => {
  it("every session completes, each unit and paid call once, under the cap, no debris", async () => {
    const seed = Math.floor(Math.random() * 1e9);
    const report = await runChaos({
      serverUrl: process.env.DATABASE_URL ?? "",
      sessions: 2,
      kills: 3,
      seed,
      latencyMs: 200,
      killGapMs: [1_000, 2_000],
      log: (line) => console.log(`[chaos seed ${seed}] ${line}`),
    });
    expect(report.kills.length).toBeGreaterThan(0);
    console.log(
      `[chaos seed ${seed}] interrupted lines whose call never returned paid (settled at $0): ${report.unreachedCalls}, left at their estimate: ${report.linesAtEstimate}`,
    );
    expect(report.problems).toEqual([]);
  }, 300_000);
});
