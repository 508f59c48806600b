import type { IncomingMessage } from "node:http";

/**
 * The client's address for throttling and socket limits. With `trustedHops` = 0 it is the
 * TCP peer: X-Forwarded-For is ignored, since anyone can send it. Behind N proxies of our
 * own, each appends the address it saw, so the client is N entries from the right; entries
 * further left were written by the client and are not believed.
 */
export function clientAddress(req: IncomingMessage, trustedHops: number): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  if (trustedHops === 0) return peer;
  const header = req.headers["x-forwarded-for"];
  const forwarded = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - trustedHops)] ?? peer;
}
