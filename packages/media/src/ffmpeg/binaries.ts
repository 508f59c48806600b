import { accessSync, chmodSync, constants, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { readMediaEnv, type EnvSource } from "../env";
import { MediaError } from "../errors";

export type BinaryName = "ffmpeg" | "ffprobe";
export type BinarySource = "env" | "path" | "npm";
export interface BinaryLocation {
  path: string;
  source: BinarySource;
}
export interface MediaBinaries {
  ffmpeg: BinaryLocation;
  ffprobe: BinaryLocation;
}

const ENV_VARIABLE: Record<BinaryName, "FFMPEG_PATH" | "FFPROBE_PATH"> = {
  ffmpeg: "FFMPEG_PATH",
  ffprobe: "FFPROBE_PATH",
};
const NPM_PACKAGE: Record<BinaryName, string> = {
  ffmpeg: "@ffmpeg-installer/ffmpeg",
  ffprobe: "@ffprobe-installer/ffprobe",
};

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * pnpm skips dependency build scripts unless allowed, so the npm-shipped binary can land
 * without its execute bit (EACCES at spawn); setting it here makes a fresh install work.
 */
export function ensureExecutable(file: string): void {
  if (isExecutable(file)) return;
  chmodSync(file, statSync(file).mode | 0o755);
}

export function findOnPath(name: string, searchPath: string): string | undefined {
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isFile(candidate) && isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** The installer packages throw (sometimes a bare string) on platforms they do not ship. */
function npmBinaryPath(name: BinaryName): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const located = require(NPM_PACKAGE[name]) as { path?: unknown };
    return typeof located.path === "string" && isFile(located.path) ? located.path : undefined;
  } catch {
    return undefined;
  }
}

export interface BinarySearch {
  envValue: string | undefined;
  searchPath: string;
  npmPath: () => string | undefined;
}

/** The order is the documented one: explicit variable, then PATH, then the npm package. */
export function resolveBinary(name: BinaryName, search: BinarySearch): BinaryLocation {
  if (search.envValue !== undefined) {
    if (!isFile(search.envValue)) {
      throw new MediaError(
        "BINARY_NOT_FOUND",
        `${ENV_VARIABLE[name]} points to ${search.envValue}, which is not a file`,
      );
    }
    // Absolute, because ffmpeg is started in a temp folder (see run-ffmpeg.ts).
    return { path: path.resolve(search.envValue), source: "env" };
  }
  const onPath = findOnPath(name, search.searchPath);
  if (onPath) return { path: path.resolve(onPath), source: "path" };
  const shipped = search.npmPath();
  if (shipped) {
    ensureExecutable(shipped);
    return { path: shipped, source: "npm" };
  }
  throw new MediaError(
    "BINARY_NOT_FOUND",
    `${name} was not found: set ${ENV_VARIABLE[name]}, put ${name} on PATH or install ${NPM_PACKAGE[name]}`,
  );
}

/** `source` defaults to the process environment (read through env.ts). */
export function locateBinariesFrom(source?: EnvSource): MediaBinaries {
  const env = readMediaEnv(source);
  const find = (name: BinaryName) =>
    resolveBinary(name, {
      envValue: env[ENV_VARIABLE[name]],
      searchPath: env.PATH,
      npmPath: () => npmBinaryPath(name),
    });
  return { ffmpeg: find("ffmpeg"), ffprobe: find("ffprobe") };
}

let cached: MediaBinaries | undefined;

/** Locates ffmpeg and ffprobe once per process; later calls return the same answer. */
export function locateMediaBinaries(): MediaBinaries {
  cached ??= locateBinariesFrom();
  return cached;
}
