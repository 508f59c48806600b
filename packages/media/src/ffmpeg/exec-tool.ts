import { execFile } from "node:child_process";
import { MediaError } from "../errors";
import { ownWorkDir } from "../temp-dir";
import { trackChild } from "./children";

export interface ExecToolOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

/**
 * Runs a short ffmpeg/ffprobe query (capabilities, probe) and returns stdout. Arguments go
 * straight to the binary, never through a shell, so paths with spaces or quotes are safe.
 */
export function execTool(
  binary: string,
  args: string[],
  options: ExecToolOptions = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    let untrack = () => {};
    const child = execFile(
      binary,
      args,
      {
        encoding: "utf8",
        maxBuffer: 32 * 1024 * 1024,
        timeout: options.timeoutMs ?? 30_000,
        killSignal: "SIGKILL",
        signal: options.signal,
        windowsHide: true,
        // Like ffmpeg's (run-ffmpeg.ts): a child left by a killed parent is found by its folder.
        cwd: ownWorkDir(),
      },
      (error, stdout, stderr) => {
        untrack();
        if (!error) return resolve(stdout);
        if (options.signal?.aborted) {
          return reject(new MediaError("ABORTED", `${binary} was cancelled`, { cause: error }));
        }
        if ("killed" in error && error.killed) {
          return reject(
            new MediaError("TIMEOUT", `${binary} took too long and was stopped`, { cause: error }),
          );
        }
        reject(
          new MediaError(
            "FFMPEG_FAILED",
            `${binary} failed: ${lastLines(stderr, 3) || error.message}`,
            {
              cause: error,
              stderr: lastLines(stderr, 40),
            },
          ),
        );
      },
    );
    untrack = trackChild(child);
  });
}

export function lastLines(text: string, count: number): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-count)
    .join("\n");
}
