/**
 * The whole offline flow through the server's path (issue 13): 6 images, 3 clips of 3 s and
 * the ad with music, each step timed from request to done, next to each step's encode floor
 * measured on the same material right after it.
 *
 *   pnpm --filter @adgen/bench run offline [-- --runs N]
 */
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { detectCapabilities, locateMediaBinaries } from "@adgen/media";
import { formatOfflineReport, type OfflineRun } from "./report";
import { runFlow, startOfflineServer } from "./server-flow";
import { readSessionMaterial } from "./session-material";
import { measureStepFloors } from "./step-floors";

function runCount(argv: string[]): number {
  const index = argv.indexOf("--runs");
  const value = index >= 0 ? Number(argv[index + 1]) : 3;
  return Number.isInteger(value) && value > 0 ? value : 3;
}

const runs = runCount(process.argv);
// Raw frames for the floors (~1 GB) stay in the page cache; tmpfs would pin them in RAM.
const dir = await mkdtemp(path.join(tmpdir(), "adgen-bench-offline-"));
const server = await startOfflineServer(dir);
try {
  const capabilities = await detectCapabilities();
  console.log(
    `ffmpeg ${capabilities.version} (${locateMediaBinaries().ffmpeg.path}); ${cpus().length} CPUs; ` +
      `load average ${loadavg()[0]?.toFixed(2)}; ${runs} runs after a warm-up, medians shown`,
  );
  const results: OfflineRun[] = [];
  let busiest = loadavg()[0] ?? 0;
  for (let run = 0; run <= runs; run += 1) {
    // Run 0 warms up: first ffmpeg and canvas start-ups, fonts, the capability probe, PGlite.
    const { session, timings, pickupSec } = await runFlow(server);
    const runDir = await mkdtemp(path.join(dir, "floors-"));
    const material = await readSessionMaterial(server.conn.db, server.storage, session, runDir);
    const floors = await measureStepFloors(material, runDir);
    await rm(runDir, { recursive: true, force: true });
    const total = timings.images.wallSec + timings.clips.wallSec + timings.compose.wallSec;
    console.log(
      `${run === 0 ? "Warm-up" : `Run ${run} of ${runs}`}: images ${timings.images.wallSec.toFixed(2)} s, ` +
        `clips ${timings.clips.wallSec.toFixed(2)} s, compose ${timings.compose.wallSec.toFixed(2)} s ` +
        `(flow ${total.toFixed(2)} s); floors ${floors.images.wallSec.toFixed(2)} / ` +
        `${floors.clips.wallSec.toFixed(2)} / ${floors.compose.wallSec.toFixed(2)} s; load ${loadavg()[0]?.toFixed(2)}`,
    );
    if (run > 0) results.push({ flow: timings, floors, pickupSec });
    busiest = Math.max(busiest, loadavg()[0] ?? 0);
  }
  console.log(formatOfflineReport(results, { busiest, cpus: cpus().length }));
} finally {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
