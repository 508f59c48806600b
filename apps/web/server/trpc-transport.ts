import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { appRouter, createContext, type ApiServices, type RequestInfo } from "@adgen/api";
import { TRPCError } from "@trpc/server";
import { createExpressMiddleware } from "@trpc/server/adapters/express";
import { applyWSSHandler } from "@trpc/server/adapters/ws";
import type { RequestHandler } from "express";
import { WebSocketServer, type WebSocket } from "ws";
import { MAX_BODY_BYTES } from "./body-limit";
import { clientAddress } from "./client-address";
import { CONNECTION_LIMITS } from "./limits";
import { isAllowedRequestOrigin } from "./origin";
import { SESSION_ENDED_CLOSE_CODE, type SocketRegistry } from "./socket-registry";
import { batchRefusal, refuseUpgrade } from "./trpc-refusals";

export const TRPC_PATH = "/trpc";

export interface TransportOptions {
  services: ApiServices;
  allowedOrigins: string[];
  /** Reverse proxies in front of us whose X-Forwarded-For is believed (TRUST_PROXY). */
  trustedHops: number;
}

/** tRPC over HTTP, behind the batch rules: at most 10 calls, and auth calls never batched. */
export function createTrpcHttpMiddleware(options: TransportOptions): RequestHandler[] {
  const { services, trustedHops } = options;
  const guard: RequestHandler = (req, res, next) => {
    const refusal = batchRefusal(req.path, CONNECTION_LIMITS.batchSize);
    if (!refusal) return next();
    res.status(refusal.status).type("application/json").send(refusal.body);
  };
  const handler = createExpressMiddleware({
    router: appRouter,
    maxBodySize: MAX_BODY_BYTES,
    createContext: ({ req, res }) =>
      createContext(services, {
        cookie: req.headers.cookie,
        authorization: req.headers.authorization,
        address: clientAddress(req, trustedHops),
        setCookie: (cookie) => res.append("Set-Cookie", cookie),
      }),
  });
  return [guard, handler];
}

export interface WebSocketOptions extends TransportOptions {
  sockets: SocketRegistry;
  /** Upgrades another handler on this server serves (Vite's HMR socket in development). */
  isForeignUpgrade?: (req: IncomingMessage) => boolean;
}

/**
 * tRPC over WebSocket on the same port. The caller is resolved when the connection starts
 * (cookie or `connectionParams.token`) and re-checked before protected calls, so a log-out
 * ends what an open socket may do; sockets are bounded per address, per user and in
 * message size and subscriptions.
 */
export function attachTrpcWebSocket(server: Server, options: WebSocketOptions) {
  const { services, sockets, trustedHops } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY_BYTES });
  const handler = applyWSSHandler({
    wss,
    router: appRouter,
    keepAlive: { enabled: true, pingMs: 30_000, pongWaitMs: 5_000 },
    createContext: async ({ req, res: ws, info }) => {
      const raw = info.connectionParams?.token;
      const token = typeof raw === "string" && raw ? raw : undefined;
      const request: RequestInfo = {
        cookie: req.headers.cookie,
        authorization: token ? `Bearer ${token}` : undefined,
        address: clientAddress(req, trustedHops),
        setCookie: () => {},
        subscriptions: { open: 0, max: CONNECTION_LIMITS.subscriptionsPerSocket },
      };
      const ctx = await createContext(services, request);
      if (!ctx.user || !ctx.session) return ctx;
      if (sockets.userCount(ctx.user.id) >= CONNECTION_LIMITS.socketsPerUser) {
        throw new TRPCError({
          code: "TOO_MANY_REQUESTS",
          message: "Too many open connections for this account. Close other tabs or tools.",
        });
      }
      sockets.trackIdentity(ws, { userId: ctx.user.id, sessionId: ctx.session.id });
      request.revalidate = revalidator(services, ws, request, ctx.session.id);
      return ctx;
    },
  });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (options.isForeignUpgrade?.(req)) return;
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path !== TRPC_PATH) return refuseUpgrade(socket, 404, "Not Found");
    // A page on another site must not ride the user's cookie into a socket.
    if (!isAllowedRequestOrigin(req.headers, options.allowedOrigins)) {
      return refuseUpgrade(socket, 403, "Forbidden");
    }
    const address = clientAddress(req, trustedHops);
    if (sockets.addressCount(address) >= CONNECTION_LIMITS.socketsPerAddress) {
      return refuseUpgrade(socket, 429, "Too Many Requests");
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.trackAddress(ws, address);
      wss.emit("connection", ws, req);
    });
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

/**
 * Re-validates the socket's session at most every few seconds. When it has ended (here or
 * on another server), the socket is closed so the client reconnects with what it holds now.
 */
function revalidator(
  services: ApiServices,
  ws: WebSocket,
  request: RequestInfo,
  sessionId: string,
) {
  let checkedAt = Date.now();
  let valid = true;
  return async () => {
    if (!valid || ws.readyState !== ws.OPEN) return false;
    if (Date.now() - checkedAt < CONNECTION_LIMITS.revalidateMs) return true;
    const token = services.auth.readToken(request);
    const current = token ? await services.auth.validateToken(token) : null;
    checkedAt = Date.now();
    valid = current?.session.id === sessionId;
    if (!valid) ws.close(SESSION_ENDED_CLOSE_CODE, "Session ended");
    return valid;
  };
}
