import { AdgenError, toAdgenError } from "./errors";
import type { AdgenClient } from "./client";
import { writeBytes } from "./write-file";

const MAX_REDIRECTS = 5;

/**
 * Fetches a media URL from `sessions.get`: Adgen's own `/media/…` (with the bearer token) or
 * a presigned storage URL (without it: the URL carries its own signature, and a token sent
 * there would leak to the bucket's host). Redirects are followed by hand so the token is
 * never carried to another origin.
 */
export async function fetchMedia(
  baseUrl: string,
  token: string | undefined,
  url: string,
): Promise<Uint8Array> {
  const ownOrigin = new URL(baseUrl).origin;
  let target = new URL(url, `${baseUrl}/`);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const sendToken = target.origin === ownOrigin && token !== undefined;
    const response = await fetch(target, {
      headers: sendToken ? { authorization: `Bearer ${token}` } : {},
      redirect: "manual",
    }).catch((error: unknown) => {
      throw toAdgenError(error);
    });
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      target = new URL(location, target);
      continue;
    }
    if (!response.ok) {
      const kind =
        response.status === 404 ? "not_found" : response.status === 401 ? "auth" : "server";
      throw new AdgenError(kind, `Downloading ${target.pathname} failed: HTTP ${response.status}.`);
    }
    return new Uint8Array(await response.arrayBuffer());
  }
  throw new AdgenError("server", `Downloading ${url} redirected more than ${MAX_REDIRECTS} times.`);
}

/** Writes the ad's final MP4 to a file (Node; the browser build refuses with a reason). */
export async function downloadFinalVideo(client: AdgenClient, sessionId: string, path: string) {
  const session = await client.trpc.sessions.get.query({ sessionId });
  if (!session.finalVideo) {
    const error = new AdgenError(
      "wrong_step",
      `This ad has no video yet (it is at "${session.stage}").`,
    );
    error.sessionId = sessionId;
    throw error;
  }
  const bytes = await client.fetchMedia(session.finalVideo.url);
  await writeBytes(path, bytes);
  return { path, bytes: bytes.length };
}
