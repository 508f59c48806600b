import WebSocket from "ws";

export type WsEvent =
  | { kind: "message"; text: string; parsed: unknown }
  | { kind: "closed"; code: number }
  | { kind: "timeout" };

/** A raw WebSocket to /trpc that hands back what the server says, one event at a time. */
export interface RawSocket {
  send: (frame: string | Buffer) => void;
  /** The next message (or the close), waiting at most `ms`. */
  next: (ms?: number) => Promise<WsEvent>;
  /** Skips messages until one `accept`s or the socket closes or goes quiet. */
  until: (accept: (parsed: unknown) => boolean, ms?: number) => Promise<WsEvent>;
  close: () => Promise<void>;
}

export async function openSocket(
  baseUrl: string,
  options: { headers?: Record<string, string>; query?: string } = {},
): Promise<RawSocket> {
  const url = `${baseUrl.replace(/^http/, "ws")}/trpc${options.query ? `?${options.query}` : ""}`;
  const ws = new WebSocket(url, { headers: options.headers ?? {} });
  const queue: WsEvent[] = [];
  const waiters: ((event: WsEvent) => void)[] = [];
  const push = (event: WsEvent) => {
    const waiter = waiters.shift();
    if (waiter) waiter(event);
    else queue.push(event);
  };
  ws.on("message", (data) => {
    const text = Buffer.isBuffer(data) ? data.toString("utf8") : String(data);
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    push({ kind: "message", text, parsed });
  });
  let closedWith: number | null = null;
  ws.on("close", (code) => {
    closedWith = code;
    push({ kind: "closed", code });
  });
  ws.on("error", () => {});
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("unexpected-response", (_req, res) =>
      reject(new Error(`upgrade refused: ${res.statusCode}`)),
    );
    ws.once("close", () => resolve());
  });

  const next = (ms = 3000) =>
    new Promise<WsEvent>((resolve) => {
      const queued = queue.shift();
      if (queued) return resolve(queued);
      if (closedWith !== null) return resolve({ kind: "closed", code: closedWith });
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(done), 1);
        resolve({ kind: "timeout" });
      }, ms);
      const done = (event: WsEvent) => {
        clearTimeout(timer);
        resolve(event);
      };
      waiters.push(done);
    });

  return {
    send: (frame) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(frame);
    },
    next,
    until: async (accept, ms = 3000) => {
      const deadline = Date.now() + ms;
      for (;;) {
        const event = await next(Math.max(1, deadline - Date.now()));
        if (event.kind !== "message" || accept(event.parsed)) return event;
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (ws.readyState === WebSocket.CLOSED) return resolve();
        ws.once("close", () => resolve());
        ws.terminate();
      }),
  };
}
