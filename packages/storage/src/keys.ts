import { StorageError } from "./errors";

/**
 * Keys are the only thing that turns into a file path or an object name, so they are
 * held to a whitelist rather than a blacklist: `[A-Za-z0-9._-]` segments joined by `/`.
 * A segment must start with a letter or digit, which rules out `.`, `..` and hidden
 * names; the local driver keeps its temp and metadata files in those hidden names.
 */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const MAX_KEY_LENGTH = 1024;
const MAX_SEGMENT_LENGTH = 255;

/** Returns why `key` is not a valid storage key, or null when it is. */
export function storageKeyProblem(key: string): string | null {
  if (typeof key !== "string" || key.length === 0) return "the key is empty";
  if (key.length > MAX_KEY_LENGTH) return `the key is longer than ${MAX_KEY_LENGTH} characters`;
  if (key.includes("\0")) return "the key contains a NUL character";
  if (key.includes("\\")) return "the key contains a backslash";
  if (key.startsWith("/")) return "the key is an absolute path";
  for (const segment of key.split("/")) {
    if (segment.length === 0) return "the key has an empty segment";
    if (segment === "." || segment === "..") return "the key has a relative segment";
    if (segment.length > MAX_SEGMENT_LENGTH)
      return `a key segment is longer than ${MAX_SEGMENT_LENGTH} characters`;
    if (!SEGMENT.test(segment))
      return `the key segment "${segment}" has characters outside [A-Za-z0-9._-]`;
  }
  return null;
}

export function isValidStorageKey(key: string): boolean {
  return storageKeyProblem(key) === null;
}

/** Throws a StorageError("invalid_key") unless `key` is safe to use; returns it otherwise. */
export function assertStorageKey(key: string): string {
  const problem = storageKeyProblem(key);
  if (problem !== null) throw new StorageError("invalid_key", `Invalid storage key: ${problem}`);
  return key;
}

/** Joins segments into a key and validates the result, e.g. `storageKey("sessions", id, "a.png")`. */
export function storageKey(...segments: string[]): string {
  return assertStorageKey(segments.join("/"));
}

/*
 * Every key the app stores lives under its session's folder, so deleting a session removes
 * its files with one prefix and the media route can tell whose file a key names. These are
 * the only places such keys are built or read.
 */

/** The folder of each kind of file under a session. */
const SESSION_FOLDERS = {
  image: "images",
  video: "clips",
  audio: "audio",
  final_video: "final",
} as const;

export type SessionFileKind = keyof typeof SESSION_FOLDERS;

/** The folder holding every session's folder. */
export const SESSIONS_FOLDER = "sessions";

/** The folder holding all of a session's files, e.g. `sessions/<id>`. */
export function sessionPrefix(sessionId: string): string {
  return storageKey(SESSIONS_FOLDER, sessionId);
}

/** Where one file of a session is stored, e.g. `sessions/<id>/images/<fileId>.png`. */
export function assetKey(file: {
  sessionId: string;
  kind: SessionFileKind;
  id: string;
  extension: string;
}): string {
  return storageKey(
    sessionPrefix(file.sessionId),
    SESSION_FOLDERS[file.kind],
    `${file.id}.${file.extension}`,
  );
}

/** The session a valid key belongs to, or null when the key is not under a session folder. */
export function parseSessionKey(key: string): { sessionId: string } | null {
  if (!isValidStorageKey(key)) return null;
  const [root, sessionId, ...rest] = key.split("/");
  if (root !== SESSIONS_FOLDER || !sessionId || rest.length === 0) return null;
  return { sessionId };
}
