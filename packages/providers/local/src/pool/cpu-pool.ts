import { availableParallelism } from "node:os";
import { Piscina } from "piscina";

/**
 * One pool of worker threads per process for CPU-bound agent work (image renders, the
 * music synth, …), so it never holds the thread that serves sockets and database
 * replies, and parallel units use every core. Threads start on first use and stop when
 * idle, so a process that never renders pays nothing.
 */
let pool: Piscina | null = null;

const IDLE_MS = 30_000;
/**
 * Linux scheduling priority of pool threads relative to the process (0 = same, 19 = lowest).
 * Enough for the main thread to win its turn; not so low that renders starve behind other
 * processes (ffmpeg runs at the process's priority).
 */
const NICE_INCREMENT = 5;

function sharedPool(): Piscina {
  pool ??= new Piscina({
    filename: new URL("./pool-worker.mjs", import.meta.url).href,
    minThreads: 0,
    maxThreads: Math.max(1, availableParallelism()),
    idleTimeout: IDLE_MS,
    // Below the main thread: renders take the cores it leaves idle, never its turn to answer.
    niceIncrement: NICE_INCREMENT,
  });
  return pool;
}

/**
 * A function that runs the named export of a module in the pool. The export takes one
 * structured-cloneable input and returns (or resolves to) a cloneable result; a Buffer
 * comes back as a Uint8Array. Aborting the signal stops the task.
 */
export function defineCpuTask<Input, Output>(moduleUrl: URL, exportName: string) {
  const href = moduleUrl.href;
  return (input: Input, options: { signal?: AbortSignal } = {}): Promise<Output> =>
    sharedPool().run(
      { moduleUrl: href, exportName, input },
      { signal: options.signal },
    ) as Promise<Output>;
}

/** Stops the pool's threads (graceful shutdown, tests); the next task starts new ones. */
export async function closeCpuPool(): Promise<void> {
  const closing = pool;
  pool = null;
  await closing?.destroy();
}
