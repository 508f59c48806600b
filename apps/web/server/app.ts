import { createServer, type IncomingMessage, type Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ApiServices } from "@adgen/api";
import type { Storage } from "@adgen/storage";
import express from "express";
import { bodyLimit } from "./body-limit";
import { createErrorHandler } from "./error-handler";
import { createHealthHandler } from "./health";
import { SERVER_TIMEOUTS } from "./limits";
import { createMediaHandler } from "./media-route";
import { originPolicy } from "./origin";
import { createRemixHandler, type RemixMode } from "./remix";
import { createSocketRegistry, type SocketRegistry } from "./socket-registry";
import { attachTrpcWebSocket, createTrpcHttpMiddleware, TRPC_PATH } from "./trpc-transport";

export const WEB_ROOT = path.resolve(fileURLToPath(new URL("..", import.meta.url)));

export interface HttpAppOptions {
  services: ApiServices;
  remix: RemixMode;
  /** Browser origins allowed to post and open sockets (APP_URL plus ALLOWED_ORIGINS). */
  allowedOrigins: string[];
  /** Reverse proxies whose X-Forwarded-For is believed (TRUST_PROXY); 0 by default. */
  trustedHops?: number;
  storage: Storage;
}

/** Vite's HMR socket shares the port in development; its protocol names it. */
const isViteUpgrade = (req: IncomingMessage) =>
  /\bvite-(hmr|ping)\b/.test(req.headers["sec-websocket-protocol"] ?? "");

/** A log-out also closes the sockets that session opened, in this process at once. */
function endingSockets(services: ApiServices, sockets: SocketRegistry): ApiServices {
  const auth = services.auth;
  return {
    ...services,
    auth: {
      ...auth,
      logout: async (sessionId: string) => {
        await auth.logout(sessionId);
        sockets.endSession(sessionId);
      },
    },
  };
}

/** One Node server: Remix, tRPC over HTTP and WebSocket, /health, on one port. */
export async function createHttpApp(options: HttpAppOptions) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", false);
  const server: Server = createServer(app);
  server.keepAliveTimeout = SERVER_TIMEOUTS.keepAliveMs;
  server.headersTimeout = SERVER_TIMEOUTS.headersMs;
  server.requestTimeout = SERVER_TIMEOUTS.requestMs;

  const sockets = createSocketRegistry();
  const services = endingSockets(options.services, sockets);
  const transport = {
    services,
    allowedOrigins: options.allowedOrigins,
    trustedHops: options.trustedHops ?? 0,
  };

  app.get("/health", createHealthHandler(services));
  // One policy for every state-changing request, web and API alike.
  app.use(originPolicy(options.allowedOrigins));
  app.use(TRPC_PATH, bodyLimit({ allowChunked: true }), createTrpcHttpMiddleware(transport));
  app.use(bodyLimit({ allowChunked: false }));
  const media = createMediaHandler(services, options.storage);
  app.get("/media/*", (req, res, next) => {
    req.url = req.url.slice("/media".length);
    media(req, res).catch(next);
  });
  const ws = attachTrpcWebSocket(server, {
    ...transport,
    sockets,
    isForeignUpgrade: options.remix === "development" ? isViteUpgrade : undefined,
  });
  const remix = await createRemixHandler(options.remix, {
    app,
    server,
    services,
    root: WEB_ROOT,
    trustedHops: transport.trustedHops,
  });
  // Last: whatever a route threw becomes a plain answer, never a stack trace.
  app.use(createErrorHandler());

  return {
    app,
    server,
    sockets,
    listen: (port: number, host: string) =>
      new Promise<number>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === "object" && address ? address.port : port);
        });
      }),
    close: async () => {
      await ws.close();
      await remix.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
