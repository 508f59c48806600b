import { readdir, readlink, rm } from "node:fs/promises";
import path from "node:path";
import { isProcessAlive } from "./process-identity";
import { workRoot } from "./temp-dir";

export interface TempSweep {
  /** Folders of dead processes that were removed. */
  removed: string[];
  /** Leftover children (ffmpeg) of those processes that were still running and were killed. */
  killed: number;
}

/**
 * Removes the temp folders of processes that died without cleaning up (see `withTempDir`),
 * after killing what they left running there: every ffmpeg we start works in its job's
 * temp folder, so a child that outlived a `kill -9` of its parent is found by its working
 * directory. Safe to run at any time from any process on the machine.
 */
export async function sweepDeadWorkDirs(): Promise<TempSweep> {
  const root = workRoot();
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const sweep: TempSweep = { removed: [], killed: 0 };
  for (const entry of entries) {
    if (!entry.isDirectory() || isProcessAlive(entry.name)) continue;
    const dir = path.join(root, entry.name);
    sweep.killed += await killProcessesWorkingIn(dir);
    await rm(dir, { recursive: true, force: true });
    sweep.removed.push(dir);
  }
  return sweep;
}

/** Linux only (elsewhere the children end when their input or their timeout does). */
async function killProcessesWorkingIn(dir: string): Promise<number> {
  const pids = await readdir("/proc").catch(() => []);
  let killed = 0;
  for (const name of pids) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    if (pid === process.pid || pid === process.ppid) continue;
    const cwd = await readlink(`/proc/${name}/cwd`).catch(() => null);
    if (cwd === null) continue;
    const where = cwd.replace(/ \(deleted\)$/, "");
    if (where !== dir && !where.startsWith(dir + path.sep)) continue;
    try {
      process.kill(pid, "SIGKILL");
      killed += 1;
    } catch {
      // Already gone.
    }
  }
  return killed;
}
