import { pipeline } from "node:stream/promises";
import type { ApiServices } from "@adgen/api";
import { findOwnedSession, findSharedVideo } from "@adgen/db";
import { idSchema } from "@adgen/schemas";
import { parseRangeHeader, parseSessionKey, type Storage } from "@adgen/storage";
import type { Request, Response } from "express";

/** The storage key a request path names, or null when it is not even decodable. */
function keyFromPath(path: string): string | null {
  try {
    return decodeURIComponent(path.replace(/^\/+/, ""));
  } catch {
    return null;
  }
}

/**
 * The signed-in caller, or null. Credentials that cannot be read (a cookie with a broken
 * escape, perhaps set by another site on this host) are simply no credentials.
 */
async function callerOf(services: ApiServices, req: Request) {
  let token: string | null;
  try {
    token = services.auth.readToken({
      cookie: req.headers.cookie,
      authorization: req.headers.authorization,
    });
  } catch {
    return null;
  }
  return token ? services.auth.validateToken(token) : null;
}

/**
 * Serves stored media to the session's owner only, with HTTP Range so video seeking works.
 * Anything else — another user's file, a bad key, a session id that is not a UUID, a
 * missing file, no credentials — is the same 404.
 */
export function createMediaHandler(services: ApiServices, storage: Storage) {
  return async (req: Request, res: Response) => {
    const notFound = () => res.status(404).type("text/plain").send("Not found");
    const shared = SHARED_PATH.exec(req.path);
    if (shared) {
      // A share link's one video, to anyone holding the token, until it is revoked.
      const video = await findSharedVideo(services.db, shared[1]!);
      if (!video || video.revokedAt) return notFound();
      return sendObject(req, res, storage, video.storageKey, "no-cache");
    }
    const key = keyFromPath(req.path);
    const sessionId = key ? parseSessionKey(key)?.sessionId : undefined;
    if (!key || !sessionId || !idSchema.safeParse(sessionId).success) return notFound();

    const caller = await callerOf(services, req);
    if (!caller || !(await findOwnedSession(services.db, caller.user.id, sessionId))) {
      return notFound();
    }
    // Private, and immutable: a stored key never changes content.
    return sendObject(req, res, storage, key, "private, max-age=31536000, immutable");
  };
}

/** `/media/shared/<token>`: tokens are 32 base64url characters (packages/api shares router). */
const SHARED_PATH = /^\/shared\/([A-Za-z0-9_-]{32})$/;

/** One stored file with HTTP Range, so video seeking works. */
async function sendObject(
  req: Request,
  res: Response,
  storage: Storage,
  key: string,
  cacheControl: string,
) {
  const object = await storage.stat(key);
  if (!object) return res.status(404).type("text/plain").send("Not found");
  res.setHeader("Accept-Ranges", "bytes");
  res.setHeader("Content-Type", object.contentType);
  res.setHeader("Cache-Control", cacheControl);
  res.setHeader("X-Content-Type-Options", "nosniff");

  const range = parseRangeHeader(req.headers.range, object.size);
  if (range === "unsatisfiable") {
    res.status(416).setHeader("Content-Range", `bytes */${object.size}`).end();
    return;
  }
  if (range) {
    res.status(206);
    res.setHeader("Content-Range", `bytes ${range.start}-${range.end}/${object.size}`);
    res.setHeader("Content-Length", String(range.end - range.start + 1));
  } else {
    res.setHeader("Content-Length", String(object.size));
  }
  if (req.method === "HEAD") return res.end();
  const stream = await storage.getStream(key, range ?? undefined);
  await pipeline(stream, res).catch(() => res.destroy());
}
