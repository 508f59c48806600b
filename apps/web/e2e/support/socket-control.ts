import type { Server } from "node:http";
import type { Duplex } from "node:stream";

/**
 * Lets the e2e drop every WebSocket from the server side, and refuse new ones for a moment,
 * so a test can watch the page lose its connection, say so, and resume. The server's own
 * upgrade handlers still do all the work while nothing is dropped.
 */
export function controlUpgrades(server: Server) {
  const handlers = server.listeners("upgrade") as ((...args: unknown[]) => void)[];
  server.removeAllListeners("upgrade");
  const open = new Set<Duplex>();
  let refuseUntil = 0;
  server.on("upgrade", (req, socket: Duplex, head) => {
    if (Date.now() < refuseUntil) {
      socket.destroy();
      return;
    }
    open.add(socket);
    socket.once("close", () => open.delete(socket));
    for (const handler of handlers) handler.call(server, req, socket, head);
  });
  return {
    /** Closes every open socket and refuses reconnects for `refuseMs`; returns how many closed. */
    dropAll(refuseMs: number) {
      refuseUntil = Date.now() + refuseMs;
      const count = open.size;
      for (const socket of open) socket.destroy();
      return count;
    },
  };
}
