import type { RequestHandler, Response } from "express";

/** JSON bodies, form posts and WebSocket messages: nothing Adgen accepts is larger. */
export const MAX_BODY_BYTES = 64 * 1024;

function refuse(res: Response, status: 411 | 413, message: string) {
  // Closing the connection means the rest of the body is never read into memory.
  res.setHeader("Connection", "close");
  res.status(status).type("application/json");
  res.end(JSON.stringify({ error: { message } }), () => res.socket?.destroySoon());
}

/**
 * Refuses oversized request bodies before a handler buffers them. Node's parser holds a
 * body to its Content-Length, so checking the header bounds what can arrive; a body of
 * unknown length (chunked) is refused outright except where the handler enforces the
 * limit while streaming (tRPC's `maxBodySize`).
 */
export function bodyLimit(options: { allowChunked: boolean }): RequestHandler {
  return (req, res, next) => {
    const length = req.headers["content-length"];
    if (length !== undefined) {
      if (Number(length) > MAX_BODY_BYTES) {
        refuse(res, 413, `The request is too large (limit ${MAX_BODY_BYTES / 1024} KiB).`);
        return;
      }
    } else if (req.headers["transfer-encoding"] !== undefined && !options.allowChunked) {
      refuse(res, 411, "The request must say its length (Content-Length).");
      return;
    }
    next();
  };
}
