import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";

/** Clock ticks per second for /proc times; 100 on every Linux we run, asked once to be sure. */
const TICKS_PER_SEC = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

export interface CpuSample {
  wallMs: number;
  /** This Node process (user + system). */
  selfMs: number;
  /** Every child process this process has waited for (ffmpeg, ffprobe), user + system. */
  childrenMs: number;
}

/**
 * CPU of finished children comes from /proc/self/stat (cutime + cstime: the kernel adds a
 * child's times there when its parent reaps it, which Node does for every spawned process).
 * process.resourceUsage() covers only this process, so it is used for the Node share alone.
 */
export function sampleCpu(): CpuSample {
  const stat = readFileSync("/proc/self/stat", "utf8");
  // Fields after the ")" that closes the command name: state is field 3, cutime 16, cstime 17.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const cutime = Number(fields[13]);
  const cstime = Number(fields[14]);
  const usage = process.resourceUsage();
  return {
    wallMs: performance.now(),
    selfMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    childrenMs: ((cutime + cstime) / TICKS_PER_SEC) * 1000,
  };
}

export interface Measurement {
  wallSec: number;
  /** Node + children. */
  cpuSec: number;
  childCpuSec: number;
}

export async function measure(work: () => Promise<unknown>): Promise<Measurement> {
  const before = sampleCpu();
  await work();
  const after = sampleCpu();
  const childCpuSec = (after.childrenMs - before.childrenMs) / 1000;
  return {
    wallSec: (after.wallMs - before.wallMs) / 1000,
    cpuSec: (after.selfMs - before.selfMs) / 1000 + childCpuSec,
    childCpuSec,
  };
}
