import path from "node:path";

/**
 * ffmpeg reads `name:` at the start of a path as a protocol ("a:b.mp4" is protocol "a"), so
 * every path we hand it goes through the explicit file protocol, absolute.
 */
export function fileUrl(file: string): string {
  return `file:${path.resolve(file)}`;
}
