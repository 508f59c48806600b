import { STATUS_CODES } from "node:http";
import { internalErrorMessage, referenceFor } from "@adgen/api/errors";
import type { ErrorRequestHandler, Request } from "express";

/** Plain sentences for the client errors Express and its parsers raise themselves. */
const CLIENT_MESSAGES: Record<number, string> = {
  400: "The request could not be read.",
  404: "Not found.",
  413: "The request is too large.",
  414: "The address is too long.",
  415: "This kind of request body is not accepted here.",
  431: "The request headers are too large.",
};

function statusOf(error: unknown): number | null {
  const e = error as { status?: unknown; statusCode?: unknown } | null;
  const status = typeof e?.status === "number" ? e.status : e?.statusCode;
  return typeof status === "number" && status >= 400 && status < 600 ? status : null;
}

const wantsJson = (req: Request) =>
  req.path.startsWith("/trpc") || /\bjson\b/i.test(req.headers.accept ?? "");

/**
 * Express's last error handler, for every route that is not tRPC (/media, /health, Remix):
 * never a stack trace or an internal message. An error the caller caused (a path with a
 * broken escape, a body the parser refuses) keeps its 4xx with a plain sentence; anything
 * else is logged once and answered 500 with a reference the message carries.
 * Mount it after every route: `app.use(createErrorHandler())`.
 */
export function createErrorHandler(): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      // Too late for a clean answer: end this response, let Express close the socket.
      next(error);
      return;
    }
    const status = statusOf(error);
    let code: number;
    let message: string;
    let reference: string | undefined;
    if (status !== null && status < 500) {
      code = status;
      message = CLIENT_MESSAGES[status] ?? STATUS_CODES[status] ?? "Bad request.";
    } else {
      code = 500;
      reference = referenceFor(error, `http ${req.method} ${req.path.slice(0, 200)}`);
      message = internalErrorMessage(reference);
    }
    res.status(code);
    res.setHeader("Cache-Control", "no-store");
    if (wantsJson(req)) res.json({ error: { message, ...(reference ? { reference } : {}) } });
    else res.type("text/plain").send(message);
  };
}
