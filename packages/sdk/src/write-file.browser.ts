import { AdgenError } from "./errors";

/** A browser has no file system: `download` says what to use instead. */
export function writeBytes(path: string): Promise<void> {
  return Promise.reject(
    new AdgenError(
      "server",
      `download() writes ${path}, which a browser cannot: use fetchMedia(session.finalVideo.url).`,
    ),
  );
}
