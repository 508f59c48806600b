import WebSocket from "ws";

export interface RawSocket {
  ws: WebSocket;
  /** Resolves with the close code once the server (or we) closed the socket. */
  closed: Promise<number>;
  /** The next tRPC message with this id (or with `id: null`, a connection-level error). */
  reply: (id: number) => Promise<{ id: number | null; result?: unknown; error?: unknown }>;
  /** The first error for this id (a subscription is "started" before its body runs). */
  errorFor: (id: number) => Promise<unknown>;
  send: (message: unknown) => void;
}

/** A bare WebSocket speaking tRPC's JSON protocol, to test what the server does with it. */
export function openRawSocket(
  url: string,
  options: { headers?: Record<string, string>; connectionParams?: Record<string, string> } = {},
): Promise<RawSocket> {
  const target = options.connectionParams ? `${url}?connectionParams=1` : url;
  const ws = new WebSocket(target, { headers: options.headers });
  const messages: { id: number | null; result?: unknown; error?: unknown }[] = [];
  const waiters: (() => void)[] = [];
  ws.on("message", (data) => {
    messages.push(JSON.parse(String(data)) as { id: number | null });
    for (const wake of waiters.splice(0)) wake();
  });
  const closed = new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    ws.once("error", reject);
    ws.once("unexpected-response", (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once("open", () => {
      if (options.connectionParams) {
        ws.send(JSON.stringify({ method: "connectionParams", data: options.connectionParams }));
      }
      resolve({
        ws,
        closed,
        send: (message) => ws.send(JSON.stringify(message)),
        errorFor: async (id) => {
          for (;;) {
            const found = messages.find((m) => (m.id === id || m.id === null) && m.error);
            if (found) return found.error;
            if (ws.readyState >= WebSocket.CLOSING) throw new Error("socket closed");
            await new Promise<void>((wake) => {
              waiters.push(wake);
              ws.once("close", wake);
            });
          }
        },
        reply: async (id) => {
          for (;;) {
            const found = messages.find((m) => m.id === id || m.id === null);
            if (found) return found;
            if (ws.readyState >= WebSocket.CLOSING) throw new Error("socket closed");
            await new Promise<void>((wake) => {
              waiters.push(wake);
              ws.once("close", wake);
            });
          }
        },
      });
    });
  });
}

/** The status line an upgrade request gets, or "no answer" if the server holds it open. */
export function upgradeStatus(url: string, headers: Record<string, string> = {}, waitMs = 5_000) {
  return new Promise<number | "no answer">((resolve) => {
    const ws = new WebSocket(url, { headers });
    const timer = setTimeout(() => {
      ws.terminate();
      resolve("no answer");
    }, waitMs);
    ws.once("unexpected-response", (_req, res) => {
      clearTimeout(timer);
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once("open", () => {
      clearTimeout(timer);
      resolve(101);
      ws.close();
    });
    ws.once("error", () => {
      clearTimeout(timer);
      resolve(0);
    });
  });
}
