import pg from "pg";

/**
 * A dedicated PostgreSQL connection that LISTENs on one channel and reconnects with backoff
 * if the server drops it. Notifications only say "look again"; the payload is passed on.
 */
export async function startNotificationListener(
  url: string,
  channel: string,
  handlers: { onNotify: (payload: string) => void; onReconnect: () => void },
) {
  let client: pg.Client | null = null;
  let closed = false;
  let attempt = 0;

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: url });
    next.on("notification", (msg) => {
      if (msg.channel === channel && msg.payload) handlers.onNotify(msg.payload);
    });
    next.on("error", () => reconnect());
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    client = next;
    if (attempt > 0) handlers.onReconnect();
    attempt = 0;
  }

  function reconnect() {
    if (closed) return;
    const old = client;
    client = null;
    old?.end().catch(() => {});
    const delay = Math.min(30_000, 250 * 2 ** attempt++);
    setTimeout(() => {
      if (!closed) connect().catch(() => reconnect());
    }, delay);
  }

  await connect();
  return {
    close: async () => {
      closed = true;
      await client?.end().catch(() => {});
    },
  };
}
