import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import superjson from "superjson";

/**
 * Why a `/trpc/a,b,c` request is refused before any procedure runs, or null. Each call of
 * a batch is answered with the same error, in the shape tRPC clients decode.
 */
export function batchRefusal(path: string, maxBatch: number) {
  let names: string[];
  try {
    names = decodeURIComponent(path.replace(/^\/+/, "")).split(",");
  } catch {
    names = [path];
  }
  let message: string | null = null;
  if (names.length > maxBatch) message = `At most ${maxBatch} calls per batch.`;
  // Log-in and sign-up are throttled per attempt: batching them would only hide a burst.
  else if (names.length > 1 && names.some((n) => n.startsWith("auth."))) {
    message = "Sign-up, log-in and log-out cannot be batched with other calls.";
  }
  if (!message) return null;
  const error = (path: string) =>
    superjson.serialize({
      message,
      code: -32600,
      data: { code: "BAD_REQUEST", httpStatus: 400, path, fieldErrors: null },
    });
  const body = names.map((name) => ({ error: error(name) }));
  return { status: 400, body: JSON.stringify(names.length === 1 ? body[0] : body) };
}

/** Answers an upgrade we will not serve and frees the socket at once. */
export function refuseUpgrade(socket: Duplex, status: number, reason?: string) {
  const text = reason ?? STATUS_CODES[status] ?? "Error";
  const head = `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`;
  socket.end(head, () => socket.destroy());
}
