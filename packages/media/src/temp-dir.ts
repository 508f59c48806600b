import { mkdirSync, rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { OWN_PROCESS_NAME } from "./process-identity";

/**
 * Every temp folder of a process lives under `$TMPDIR/adgen-work/<pid>-<start>/`, so the
 * folders of a process that was killed (`kill -9`, OOM) are found and removed by the next
 * sweep of any process on the machine (see `sweepDeadWorkDirs`), and a process that exits
 * normally removes its own folder.
 */
export function workRoot(): string {
  return path.join(tmpdir(), "adgen-work");
}

let ownDir: string | null = null;

/** This process's folder under `workRoot()`, created on first use. */
export function ownWorkDir(): string {
  if (ownDir) return ownDir;
  const dir = path.join(workRoot(), OWN_PROCESS_NAME);
  mkdirSync(dir, { recursive: true });
  ownDir = dir;
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs `work` with a fresh private folder that is removed afterwards, whatever happens. */
export async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(ownWorkDir(), "tmp-")).catch((error: unknown) => {
    // Someone cleared the temp folder under a running process: make ours again.
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    mkdirSync(ownWorkDir(), { recursive: true });
    return mkdtemp(path.join(ownWorkDir(), "tmp-"));
  });
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
