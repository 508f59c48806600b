import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import { tmpdir } from "node:os";
import path from "node:path";
import { composeAd, type ComposeInput } from "@adgen/compositor";
import { detectCapabilities, locateMediaBinaries, probeMedia } from "@adgen/media";
import { measure, type Measurement } from "./cpu-time";
import { composedFrames, measureEncodeFloor } from "./encode-floor";
import { CARD_SECONDS, makeFixtures } from "./fixtures";
import { runNaivePipeline } from "./naive-pipeline";
import { formatReport } from "./report";

/** Each figure is the median of this many runs (after one warm-up compose); `--runs N` changes it. */
function runCount(argv: string[]): number {
  const index = argv.indexOf("--runs");
  const value = index >= 0 ? Number(argv[index + 1]) : 3;
  return Number.isInteger(value) && value > 0 ? value : 3;
}

/** The run with the median wall time (its CPU figures stay paired with it). */
function median(values: Measurement[]): Measurement {
  const sorted = [...values].sort((a, b) => a.wallSec - b.wallSec);
  return sorted[Math.floor(sorted.length / 2)] ?? { wallSec: 0, cpuSec: 0, childCpuSec: 0 };
}

async function main() {
  const runs = runCount(process.argv);
  // The floor's raw frames (~1 GB at 1080p) stay in the page cache; tmpfs would pin them in RAM.
  const dir = await mkdtemp(path.join(tmpdir(), "adgen-bench-compose-"));
  try {
    const capabilities = await detectCapabilities();
    console.log(
      `ffmpeg ${capabilities.version} (${locateMediaBinaries().ffmpeg.path}); ${cpus().length} CPUs; ` +
        `load average ${loadavg()[0]?.toFixed(2)}; ${runs} runs, median shown`,
    );
    console.log("Making the ad's material with the local models…");
    const fixtures = await makeFixtures(dir);
    const input: ComposeInput = {
      clips: fixtures.clips,
      stills: fixtures.stills,
      productName: "Summit Bottle",
      cta: "Shop now",
      font: "montserrat",
      color: "#FFFFFF",
      introDurationSec: CARD_SECONDS,
      outroDurationSec: CARD_SECONDS,
      aspectRatio: "16:9",
      musicFile: fixtures.musicFile,
      outputFile: path.join(dir, "ad.mp4"),
    };

    await composeAd(input); // warm-up: fonts, capability probe, page cache
    const raw = await composedFrames(input, dir);
    const composed: Measurement[] = [];
    const floor: Measurement[] = [];
    const naive: Measurement[] = [];
    // Interleaved, so a busy moment on a shared machine hits all three alike.
    for (let run = 0; run < runs; run += 1) {
      console.log(`Run ${run + 1} of ${runs}…`);
      composed.push(await measure(() => composeAd(input)));
      floor.push(await measureEncodeFloor(raw, dir));
      naive.push(
        await measure(() => runNaivePipeline({ ...input, musicFile: fixtures.musicFile, dir })),
      );
    }
    const output = await probeMedia(input.outputFile);
    console.log(
      formatReport({
        output,
        frames: raw.frames,
        compose: median(composed),
        floor: median(floor),
        naive: median(naive),
        all: { compose: composed, floor, naive },
      }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
