import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

/** A child process of the chaos run and what it printed (the tail is kept for reports). */
export interface RunningProcess {
  name: string;
  child: ChildProcess;
  pid: number;
  exited: Promise<number | null>;
  output: () => string;
}

const KEPT_CHARS = 20_000;

export function startProcess(
  name: string,
  run: { entry: string; cwd: string; env: NodeJS.ProcessEnv },
  echo?: (line: string) => void,
): RunningProcess {
  const child = spawn(process.execPath, ["--import", "tsx", run.entry], {
    cwd: run.cwd,
    env: run.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-KEPT_CHARS);
    if (echo) for (const line of text.split("\n").filter(Boolean)) echo(`[${name}] ${line}`);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (!child.pid) throw new Error(`could not start ${name}`);
  return { name, child, pid: child.pid, exited, output: () => output };
}

/** Resolves once `proc` printed `text`; rejects if it exits first or `timeoutMs` passes. */
export function waitForOutput(proc: RunningProcess, text: string, timeoutMs: number) {
  return new Promise<void>((resolve, reject) => {
    const check = () => {
      if (!proc.output().includes(text)) return;
      done();
      resolve();
    };
    const timer = setTimeout(() => {
      done();
      reject(
        new Error(`${proc.name} did not print "${text}" in ${timeoutMs} ms:\n${proc.output()}`),
      );
    }, timeoutMs);
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`${proc.name} exited (${code}) before "${text}":\n${proc.output()}`));
    };
    const done = () => {
      clearTimeout(timer);
      proc.child.stdout?.off("data", check);
      proc.child.off("exit", onExit);
    };
    proc.child.stdout?.on("data", check);
    proc.child.once("exit", onExit);
    check();
  });
}

/** SIGTERM, then SIGKILL if it has not exited after `graceMs`; resolves with the exit code. */
export async function stopProcess(proc: RunningProcess, graceMs = 20_000) {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return proc.exited;
  proc.child.kill("SIGTERM");
  const timer = setTimeout(() => proc.child.kill("SIGKILL"), graceMs);
  const code = await proc.exited;
  clearTimeout(timer);
  return code;
}

/** A TCP port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}
