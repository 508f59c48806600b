import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { benchEnv } from "./env";

/** What the server reports on the way out. */
export interface ServerReport {
  fanOutLags: number[];
  /** The server's event-loop delay over its life, ms. */
  loopDelayMs?: { p99: number; max: number };
}

export interface BenchServer {
  baseUrl: string;
  keepAliveTimeout: number;
  headersTimeout: number;
  /** Stops the server; resolves with what it reported on the way out. */
  stop: () => Promise<ServerReport>;
}

/** Starts lib/bench-server.ts in a child process and waits until it listens. */
export async function spawnBenchServer(env: Record<string, string>): Promise<BenchServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "adgen-bench-"));
  const child = spawn(
    process.execPath,
    [
      ...(benchEnv.serverProfileDir
        ? ["--cpu-prof", `--cpu-prof-dir=${benchEnv.serverProfileDir}`]
        : []),
      "--import",
      "tsx",
      new URL("./bench-server.ts", import.meta.url).pathname,
    ],
    {
      env: { ...benchEnv.inherited, ...env, BENCH_DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const lines = createInterface({ input: child.stdout });
  let report: ServerReport = { fanOutLags: [] };
  let stopping: Promise<typeof report> | undefined;
  const ready = await new Promise<{
    ready: number;
    keepAliveTimeout: number;
    headersTimeout: number;
  }>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
    lines.on("line", (line) => {
      if (line.startsWith('{"ready"')) resolve(JSON.parse(line) as never);
      else if (line.startsWith('{"fanOutLags"')) report = JSON.parse(line) as ServerReport;
      else console.log(`  [server] ${line}`);
    });
  });
  return {
    baseUrl: `http://127.0.0.1:${ready.ready}`,
    keepAliveTimeout: ready.keepAliveTimeout,
    headersTimeout: ready.headersTimeout,
    stop: () =>
      (stopping ??= (async () => {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await exited;
        clearTimeout(timer);
        await rm(dataDir, { recursive: true, force: true });
        return report;
      })()),
  };
}
