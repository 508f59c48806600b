import type { Measurement } from "../compose/cpu-time";
import type { FlowTimings, StepPickup } from "./server-flow";
import type { StepFloors } from "./step-floors";

/** Issue 13: the whole flow within 1.5× the sum of its steps' floors; compose within 1.3×. */
export const TARGETS = { maxFlowRatio: 1.5, maxComposeRatio: 1.3 } as const;

export interface OfflineRun {
  flow: FlowTimings;
  floors: StepFloors;
  pickupSec: StepPickup;
}

type StepKey = keyof FlowTimings;
const STEPS: { key: StepKey; label: string; floor: string }[] = [
  { key: "images", label: "images (6 studio renders)", floor: "PNG encode of the 6 renders" },
  { key: "clips", label: "clips (3 × 3 s, analysed)", floor: "x264 of the 3 clips' frames" },
  { key: "compose", label: "compose (ad with music)", floor: "x264 of the ad's frames" },
];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const sec = (value: number) => `${value.toFixed(2)} s`.padStart(9);
const times = (value: number) => `${value.toFixed(2)}×`.padStart(8);
const list = (values: number[]) => values.map((v) => v.toFixed(2)).join(" / ");

interface Row {
  wall: number;
  floorWall: number;
  cpu: number;
  floorCpu: number;
}

function rowOf(run: OfflineRun, keys: StepKey[]): Row {
  const sum = (pick: (key: StepKey) => Measurement, field: "wallSec" | "cpuSec") =>
    keys.reduce((total, key) => total + pick(key)[field], 0);
  return {
    wall: sum((key) => run.flow[key], "wallSec"),
    floorWall: sum((key) => run.floors[key], "wallSec"),
    cpu: sum((key) => run.flow[key], "cpuSec"),
    floorCpu: sum((key) => run.floors[key], "cpuSec"),
  };
}

/**
 * Per step, the median over the runs of wall and CPU, each next to its floor; the ratio is
 * the median of each run's own ratio (a run is compared with the floor measured right after
 * it, so a busy moment on the shared machine hits both).
 */
function formatRow(label: string, rows: Row[], floorIs: string): string {
  const m = (pick: (row: Row) => number) => median(rows.map(pick));
  return [
    label.padEnd(30),
    sec(m((r) => r.wall)),
    sec(m((r) => r.floorWall)),
    times(m((r) => r.wall / r.floorWall)),
    sec(m((r) => r.cpu)),
    sec(m((r) => r.floorCpu)),
    times(m((r) => r.cpu / r.floorCpu)),
    `  ${floorIs}`,
  ].join("");
}

/**
 * `busiest` is the highest one-minute load average seen during the runs: above the core count,
 * other processes take turns with each of ours, and a step with more threads than its floor
 * (3 ffmpeg runs with filter and x264 threads against 3 bare x264 runs) wins more turns, so the
 * wall ratios lean; the CPU ratios do not.
 */
export function formatOfflineReport(
  runs: OfflineRun[],
  load: { busiest: number; cpus: number },
): string {
  const header = ["wall", "floor", "ratio", "CPU", "floor", "ratio"];
  const widths = [9, 9, 8, 9, 9, 8];
  const lines = [
    "",
    `${"step".padEnd(30)}${header.map((h, i) => h.padStart(widths[i] ?? 9)).join("")}  floor is`,
  ];
  for (const step of STEPS) {
    lines.push(
      formatRow(
        step.label,
        runs.map((run) => rowOf(run, [step.key])),
        step.floor,
      ),
    );
  }
  const flowRows = runs.map((run) =>
    rowOf(
      run,
      STEPS.map((step) => step.key),
    ),
  );
  lines.push(formatRow("whole flow", flowRows, "sum of the floors"));

  lines.push("", "Every run (wall, s): step / its floor → ratio");
  for (const step of STEPS) {
    const rows = runs.map((run) => rowOf(run, [step.key]));
    lines.push(
      `  ${step.key.padEnd(8)} ${list(rows.map((r) => r.wall))}  /  ${list(rows.map((r) => r.floorWall))}  →  ${list(rows.map((r) => r.wall / r.floorWall))}`,
    );
  }
  lines.push(
    `  flow     ${list(flowRows.map((r) => r.wall))}  /  ${list(flowRows.map((r) => r.floorWall))}  →  ${list(flowRows.map((r) => r.wall / r.floorWall))}`,
  );

  lines.push(
    "",
    `Of each step's wall, waiting for the worker to take the job (request → first progress report), median: ${STEPS.map((step) => `${step.key} ${median(runs.map((run) => run.pickupSec[step.key])).toFixed(2)} s`).join(", ")}`,
  );

  const flowRatio = median(flowRows.map((r) => r.wall / r.floorWall));
  const composeRatio = median(
    runs.map((run) => run.flow.compose.wallSec / run.floors.compose.wallSec),
  );
  const identical = runs.every((run) => run.floors.clipsIdentical);
  lines.push(
    "",
    `Clip floor encodes byte-identical to the stored clips (same frames, same settings): ${identical ? "yes" : "NO"}`,
    "CPU = this process (server, PGlite, worker, JS renders) + its finished children (ffmpeg), from /proc/self/stat.",
    ...(load.busiest > load.cpus
      ? [
          `The machine was busy (load average up to ${load.busiest.toFixed(1)} on ${load.cpus} CPUs): wall ratios lean with each side's thread count; read the CPU ratios.`,
        ]
      : []),
    "",
    `Target whole flow ≤ ${TARGETS.maxFlowRatio}× the sum of its floors (wall): ${flowRatio <= TARGETS.maxFlowRatio ? "met" : "NOT met"} (${flowRatio.toFixed(2)}×)`,
    `Target compose step ≤ ${TARGETS.maxComposeRatio}× its floor (wall): ${composeRatio <= TARGETS.maxComposeRatio ? "met" : "NOT met"} (${composeRatio.toFixed(2)}×)`,
  );
  return lines.join("\n");
}
