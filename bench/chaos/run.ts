/**
 * Chaos benchmark (issue 9): PostgreSQL, the web server and two workers; whole flows while
 * a worker is killed with SIGKILL at moments spread over parse, images, plan, clips, music
 * and compose, and restarted. Prints what happened and every failed assertion.
 *
 *   pnpm --filter @adgen/bench run chaos
 *   CHAOS_SESSIONS=6 CHAOS_KILLS=30 CHAOS_SEED=7 pnpm --filter @adgen/bench run chaos
 *
 * Needs PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { runChaos } from "./driver";
import { readChaosEnv } from "./env";
import { PHASES } from "./phases";

const env = readChaosEnv();
const report = await runChaos({
  ...env,
  killGapMs: [1_500, 4_000],
  log: (line) => console.log(line),
});

const complete = report.flows.filter((f) => f.stage === "complete").length;
console.log(`\nseed ${report.seed} · ${Math.round(report.durationMs / 1000)} s`);
console.log(`sessions complete: ${complete} of ${report.flows.length}`);
console.log(`kills: ${report.kills.length}`);
for (const phase of PHASES) console.log(`  during ${phase.padEnd(8)} ${report.coverage[phase]}`);
console.log(
  `interrupted lines whose call never returned paid (settled at $0): ${report.unreachedCalls}`,
);
console.log(`interrupted lines left at their estimate: ${report.linesAtEstimate}`);
if (report.problems.length === 0) {
  console.log(
    "all assertions hold: complete, one asset per unit, one line per paid call, under the cap, no debris",
  );
} else {
  console.log(`\n${report.problems.length} failed assertions:`);
  for (const problem of report.problems) console.log(`  ✗ ${problem}`);
  process.exitCode = 1;
}
