import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { appRouter, createContext, type ApiServices } from "@adgen/api";
import { createExpressMiddleware } from "@trpc/server/adapters/express";
import { applyWSSHandler } from "@trpc/server/adapters/ws";
import { WebSocketServer } from "ws";
import { isAllowedOrigin } from "./origin";

export const TRPC_PATH = "/trpc";

export function createTrpcHttpMiddleware(services: ApiServices) {
  return createExpressMiddleware({
    router: appRouter,
    createContext: ({ req, res }) =>
      createContext(services, {
        cookie: req.headers.cookie,
        authorization: req.headers.authorization,
        address: req.socket.remoteAddress,
        setCookie: (cookie) => res.append("Set-Cookie", cookie),
      }),
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}:`, error.cause ?? error);
    },
  });
}

/**
 * tRPC over WebSocket on the same port. The upgrade is routed by path so Vite's HMR
 * socket can share the server; the caller is resolved once, at connect, from the
 * cookie or from `connectionParams.token` (SDK/CLI).
 */
export function attachTrpcWebSocket(server: Server, services: ApiServices, allowedOrigins: string[]) {
  const wss = new WebSocketServer({ noServer: true });
  const handler = applyWSSHandler({
    wss,
    router: appRouter,
    keepAlive: { enabled: true, pingMs: 30_000, pongWaitMs: 5_000 },
    createContext: ({ req, info }) => {
      const token = info.connectionParams?.token;
      return createContext(services, {
        cookie: req.headers.cookie,
        authorization: token ? `Bearer ${token}` : undefined,
        address: req.socket.remoteAddress,
        setCookie: () => {},
      });
    },
  });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path !== TRPC_PATH) return;
    // A page on another site must not ride the user's cookie into a socket.
    if (!isAllowedOrigin(req.headers.origin, req.headers.host, allowedOrigins)) {
      socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
  };
  server.on("upgrade", onUpgrade);
  return {
    wss,
    close: async () => {
      server.off("upgrade", onUpgrade);
      handler.broadcastReconnectNotification();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
