import type { AppRouter } from "@adgen/api";
import { createTRPCClient, createWSClient, wsLink } from "@trpc/client";
import superjson from "superjson";

let client: ReturnType<typeof createTRPCClient<AppRouter>> | null = null;

/**
 * The browser's tRPC client: one WebSocket per tab, authenticated by the session cookie at
 * connect. Loaders and actions use the server-side caller; the socket carries live progress.
 */
export function browserClient() {
  if (!client) {
    const protocol = window.location.protocol === "https:" ? "wss" : "ws";
    const ws = createWSClient({ url: `${protocol}://${window.location.host}/trpc`, retryDelayMs: (n) => Math.min(10_000, 500 * 2 ** n) });
    client = createTRPCClient<AppRouter>({ links: [wsLink({ client: ws, transformer: superjson })] });
  }
  return client;
}
