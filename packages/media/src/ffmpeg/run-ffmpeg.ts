import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import ffmpeg from "fluent-ffmpeg";
import { MediaError } from "../errors";
import { withTempDir } from "../temp-dir";
import { locateMediaBinaries } from "./binaries";
import { trackChild } from "./children";
import { lastLines } from "./exec-tool";
import { fileUrl } from "./file-url";
import { parseProgressLine, type FfmpegProgress } from "./progress";

/** A file we wrote, a stream piped to stdin, or a raw ffmpeg input spec (e.g. a lavfi source). */
export type FfmpegInput =
  | { file: string; options?: string[] }
  | { stream: Readable; options?: string[] }
  | { spec: string; options?: string[] };

export interface RunFfmpegOptions {
  inputs: FfmpegInput[];
  /** Written to a file and passed with -filter_complex_script, so length and shell quoting never matter. */
  filterGraph?: string;
  outputOptions: string[];
  /** A file path; ffmpeg overwrites it. */
  output: string;
  /** Lets progress report a percent; usually the output's duration. */
  expectedDurationSec?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  onProgress?: (progress: FfmpegProgress) => void;
}

export interface RunFfmpegResult {
  /** The last lines ffmpeg wrote to stderr (warnings, stats). */
  stderr: string;
}

const DEFAULT_TIMEOUT_MS = 5 * 60_000;

/**
 * ffmpeg states the cause a line or two before its generic last words ("Error initializing
 * complex filters." / "Invalid argument"), so the last three non-progress lines are kept,
 * without the "[filter @ 0x…]" prefixes.
 */
function failureReason(stderr: string[]): string {
  const lines = stderr.filter((line) => !/^(frame|size)=/.test(line.trim()));
  return lastLines(lines.join("\n"), 3)
    .split("\n")
    .map((line) => line.replace(/^\[[^\]]+ @ 0x[0-9a-f]+\]\s*/, ""))
    .join(" ");
}
const STDERR_LINES_KEPT = 60;

/**
 * Runs one ffmpeg command through fluent-ffmpeg with a timeout, cancellation and progress.
 * fluent-ffmpeg does not escape option values, so user text must never reach `outputOptions`
 * or `filterGraph`: pass text as files or rendered images (see renderTextImage).
 */
export async function runFfmpeg(options: RunFfmpegOptions): Promise<RunFfmpegResult> {
  if (options.signal?.aborted) throw new MediaError("ABORTED", "The media job was cancelled");
  if (options.inputs.filter((input) => "stream" in input).length > 1) {
    throw new MediaError("BAD_INPUT", "ffmpeg can read at most one piped input (stdin)");
  }
  return withTempDir(async (dir) => {
    const scriptArgs: string[] = [];
    if (options.filterGraph !== undefined) {
      const script = path.join(dir, "graph.txt");
      await writeFile(script, options.filterGraph, "utf8");
      scriptArgs.push("-filter_complex_script", script);
    }
    return execute(options, scriptArgs, dir);
  });
}

function execute(
  options: RunFfmpegOptions,
  scriptArgs: string[],
  workDir: string,
): Promise<RunFfmpegResult> {
  // ffmpeg works in its job's temp folder (every path it gets is absolute): a child that
  // outlives a killed parent is found there by the temp sweep.
  const command = ffmpeg({ stdoutLines: 0, cwd: workDir }).setFfmpegPath(
    locateMediaBinaries().ffmpeg.path,
  );
  const readsStdin = options.inputs.some((input) => "stream" in input);
  for (const input of options.inputs) {
    if ("file" in input) command.input(fileUrl(input.file));
    else if ("stream" in input) command.input(input.stream);
    else command.input(input.spec);
    command.inputOptions(input.options ?? []);
  }
  // ffmpeg accepts global options anywhere on the line; fluent-ffmpeg only exposes output ones.
  // `-y` is explicit because fluent-ffmpeg adds it only for plain paths, not `file:` URLs.
  const globals = ["-hide_banner", "-stats", "-y", ...(readsStdin ? [] : ["-nostdin"])];
  command.outputOptions([...globals, ...scriptArgs, ...options.outputOptions]);
  command.output(fileUrl(options.output));

  return new Promise<RunFfmpegResult>((resolve, reject) => {
    const stderr: string[] = [];
    let stopReason: "timeout" | "aborted" | undefined;
    const stop = (reason: "timeout" | "aborted") => {
      stopReason ??= reason;
      command.kill("SIGKILL");
    };
    const onAbort = () => stop("aborted");
    const timer = setTimeout(() => stop("timeout"), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    options.signal?.addEventListener("abort", onAbort, { once: true });
    if (options.signal?.aborted) stopReason = "aborted";
    // fluent-ffmpeg spawns after async checks; a stop requested before then is applied here.
    let untrack = () => {};
    command.on("start", () => {
      untrack = trackChild(command);
      if (stopReason) command.kill("SIGKILL");
    });
    const finish = () => {
      untrack();
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
    };

    command.on("stderr", (line: string) => {
      stderr.push(line);
      if (stderr.length > STDERR_LINES_KEPT) stderr.shift();
      const progress = options.onProgress && parseProgressLine(line, options.expectedDurationSec);
      if (progress) options.onProgress?.(progress);
    });
    command.on("end", () => {
      finish();
      resolve({ stderr: stderr.join("\n") });
    });
    command.on("error", (error: Error) => {
      finish();
      const tail = lastLines(stderr.join("\n"), STDERR_LINES_KEPT);
      if (stopReason === "aborted") {
        reject(
          new MediaError("ABORTED", "The media job was cancelled", { cause: error, stderr: tail }),
        );
      } else if (stopReason === "timeout") {
        reject(
          new MediaError("TIMEOUT", "ffmpeg took too long and was stopped", {
            cause: error,
            stderr: tail,
          }),
        );
      } else {
        reject(
          new MediaError(
            "FFMPEG_FAILED",
            `ffmpeg failed: ${failureReason(stderr) || error.message}`,
            {
              cause: error,
              stderr: tail,
            },
          ),
        );
      }
    });
    command.run();
  });
}
