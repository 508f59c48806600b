import type { MediaInfo } from "@adgen/media";
import type { Measurement } from "./cpu-time";

/** Targets from issue 4: within 1.5× of the encode floor, at least 3× faster than the naive way. */
export const TARGETS = { maxFloorRatio: 1.5, minNaiveSpeedup: 3 } as const;

export interface BenchReport {
  output: MediaInfo;
  frames: number;
  compose: Measurement;
  floor: Measurement;
  naive: Measurement;
  all: { compose: Measurement[]; floor: Measurement[]; naive: Measurement[] };
}

const seconds = (value: number) => `${value.toFixed(2)} s`.padStart(8);
const row = (label: string, m: Measurement, extra = "") =>
  `${label.padEnd(34)}${seconds(m.wallSec)}${seconds(m.cpuSec)}${seconds(m.childCpuSec)}  ${extra}`;

const walls = (runs: Measurement[]) => runs.map((run) => run.wallSec.toFixed(2)).join(" / ");

export function formatReport(report: BenchReport): string {
  const { compose, floor, naive, output } = report;
  const floorRatio = compose.wallSec / floor.wallSec;
  const floorCpuRatio = compose.cpuSec / floor.cpuSec;
  const speedup = naive.wallSec / compose.wallSec;
  const cpuSpeedup = naive.cpuSec / compose.cpuSec;
  const floorMet = floorRatio <= TARGETS.maxFloorRatio;
  const naiveMet = speedup >= TARGETS.minNaiveSpeedup;
  const mb = (output.sizeBytes / (1024 * 1024)).toFixed(2);
  return [
    "",
    `Output: ${output.width}×${output.height}, ${output.fps} fps, ${output.durationSec?.toFixed(3)} s (${report.frames} frames), ${output.videoCodec} ${output.profile} ${output.pixFmt}, audio ${output.hasAudio ? output.audioCodec : "none"}, ${mb} MB`,
    "",
    `${"".padEnd(34)}${"wall".padStart(8)}${"CPU".padStart(8)}${"ffmpeg".padStart(8)}`,
    row(
      "compose (one pass, composeAd)",
      compose,
      `${floorRatio.toFixed(2)}× floor wall, ${floorCpuRatio.toFixed(2)}× floor CPU`,
    ),
    row("encode floor (raw frames → x264)", floor, "1.00×"),
    row(
      "naive multi-pass (9 ffmpeg runs)",
      naive,
      `compose is ${speedup.toFixed(1)}× faster (${cpuSpeedup.toFixed(1)}× less CPU)`,
    ),
    "",
    `Every run, wall: compose ${walls(report.all.compose)}; floor ${walls(report.all.floor)}; naive ${walls(report.all.naive)}`,
    "CPU = this process + its finished children (ffmpeg, ffprobe) from /proc/self/stat; ffmpeg = children only.",
    "",
    `Target ≤ ${TARGETS.maxFloorRatio}× the encode floor (wall): ${floorMet ? "met" : "NOT met"} (${floorRatio.toFixed(2)}×)`,
    `Target ≥ ${TARGETS.minNaiveSpeedup}× faster than naive (wall): ${naiveMet ? "met" : "NOT met"} (${speedup.toFixed(1)}×)`,
  ].join("\n");
}
