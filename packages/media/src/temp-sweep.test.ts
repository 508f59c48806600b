import { spawn } from "node:child_process";
import { mkdtemp, readdir, readlink, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownWorkDir, withTempDir, workRoot } from "./temp-dir";
import { sweepDeadWorkDirs } from "./temp-sweep";

const LEAVER = fileURLToPath(new URL("./test/leave-ffmpeg-running.ts", import.meta.url));

// A private TMPDIR, so the sweep only ever sees this file's folders.
const originalTmp = process.env.TMPDIR;
let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), "temp-sweep-"));
  process.env.TMPDIR = tmp;
});
afterAll(async () => {
  process.env.TMPDIR = originalTmp;
  await rm(tmp, { recursive: true, force: true });
});

/** Pids of processes working in `dir` or below (Linux). */
async function workingIn(dir: string): Promise<number[]> {
  const found: number[] = [];
  for (const name of await readdir("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const cwd = await readlink(`/proc/${name}/cwd`).catch(() => "");
    if (cwd.replace(/ \(deleted\)$/, "").startsWith(dir + path.sep)) found.push(Number(name));
  }
  return found;
}

describe("temp folders", () => {
  it("live under this process's folder and are removed after use", async () => {
    const inner = await withTempDir(async (dir) => {
      expect(path.dirname(dir)).toBe(ownWorkDir());
      expect(path.dirname(ownWorkDir())).toBe(workRoot());
      return dir;
    });
    await expect(stat(inner)).rejects.toMatchObject({ code: "ENOENT" });
    // A live process's folder is never swept, this one's included.
    expect((await sweepDeadWorkDirs()).removed).toEqual([]);
    expect((await stat(ownWorkDir())).isDirectory()).toBe(true);
  });

  it.runIf(process.platform === "linux")(
    "of a killed process are swept, and the ffmpeg it left running is killed",
    async () => {
      const child = spawn(process.execPath, ["--import", "tsx", LEAVER], {
        env: { ...process.env, TMPDIR: tmp },
        stdio: ["ignore", "pipe", "inherit"],
      });
      await new Promise<void>((resolve, reject) => {
        child.stdout.once("data", () => resolve());
        child.once("exit", (code) => reject(new Error(`the child exited early (${code})`)));
      });
      const folder = (await readdir(workRoot())).find((name) => name.startsWith(`${child.pid}-`));
      expect(folder).toBeDefined();
      const dir = path.join(workRoot(), folder ?? "");
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
      const orphans = await workingIn(dir);
      expect(orphans.length).toBe(1);

      const sweep = await sweepDeadWorkDirs();
      expect(sweep).toEqual({ removed: [dir], killed: 1 });
      await expect(stat(dir)).rejects.toMatchObject({ code: "ENOENT" });
      // SIGKILL is delivered at once, but the process may take a moment to be reaped.
      for (let i = 0; i < 50 && (await workingIn(dir)).length > 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await workingIn(dir)).toEqual([]);
    },
  );
});
