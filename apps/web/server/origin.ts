import type { IncomingHttpHeaders } from "node:http";
import type { RequestHandler } from "express";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The one origin policy for every state-changing request (Remix actions, /trpc) and every
 * WebSocket upgrade. Allowed origins come from configuration (APP_URL, ALLOWED_ORIGINS),
 * never from the Host header, which a DNS-rebinding page controls.
 *
 * - `Origin` present: it must be allowed.
 * - No `Origin` but `Sec-Fetch-Site`: only `same-origin` or `none` (typed in the address bar).
 * - Neither: not a browser (SDK, CLI, curl), so there is no ambient cookie to ride.
 */
export function isAllowedRequestOrigin(headers: IncomingHttpHeaders, allowed: string[]): boolean {
  const origin = headers.origin;
  if (origin !== undefined) return origin !== "null" && allowed.includes(origin);
  const site = headers["sec-fetch-site"];
  if (site !== undefined) return site === "same-origin" || site === "none";
  return true;
}

/** Refuses cross-origin non-GET requests with a plain 403 before any route runs. */
export function originPolicy(allowed: string[]): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method) || isAllowedRequestOrigin(req.headers, allowed)) {
      next();
      return;
    }
    res
      .status(403)
      .type("application/json")
      .send(JSON.stringify({ error: { message: "Cross-origin request refused." } }));
  };
}
