/**
 * ffmpeg and ffprobe children still running. A process that exits (an uncaught error, a
 * stop signal ending in process.exit) kills them rather than leaving them to finish work
 * nobody will read; after a `kill -9` the temp sweep finds them instead (temp-sweep.ts).
 */
const running = new Set<{ kill: (signal: NodeJS.Signals) => unknown }>();
let hooked = false;

/** Tracks a child until the returned function is called (when it ended). */
export function trackChild(child: { kill: (signal: NodeJS.Signals) => unknown }): () => void {
  if (!hooked) {
    hooked = true;
    process.once("exit", () => {
      for (const each of running) each.kill("SIGKILL");
    });
  }
  running.add(child);
  return () => running.delete(child);
}
