import { pipeline } from "node:stream/promises";
import type { ApiServices } from "@adgen/api";
import { findOwnedSession } from "@adgen/db";
import { isValidStorageKey, parseRangeHeader, type Storage } from "@adgen/storage";
import type { Request, Response } from "express";

const SESSION_KEY = /^sessions\/([0-9a-f-]{36})\//;

/**
 * Serves stored media to the session's owner only, with HTTP Range so video seeking works.
 * Anything else — another user's file, a bad key, a missing file — is the same 404.
 */
export function createMediaHandler(services: ApiServices, storage: Storage) {
  return async (req: Request, res: Response) => {
    const notFound = () => res.status(404).type("text/plain").send("Not found");
    const key = decodeURIComponent(req.path.replace(/^\/+/, ""));
    const sessionId = SESSION_KEY.exec(key)?.[1];
    if (!sessionId || !isValidStorageKey(key)) return notFound();

    const token = services.auth.readToken({ cookie: req.headers.cookie, authorization: req.headers.authorization });
    const caller = token ? await services.auth.validateToken(token) : null;
    if (!caller || !(await findOwnedSession(services.db, caller.user.id, sessionId))) return notFound();

    const object = await storage.stat(key);
    if (!object) return notFound();
    res.setHeader("Accept-Ranges", "bytes");
    res.setHeader("Content-Type", object.contentType);
    // Private, and immutable: a stored key never changes content.
    res.setHeader("Cache-Control", "private, max-age=31536000, immutable");
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
  };
}
