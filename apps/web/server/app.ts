import { createServer, type Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ApiServices } from "@adgen/api";
import type { Storage } from "@adgen/storage";
import express from "express";
import { createMediaHandler } from "./media-route";
import { createHealthHandler } from "./health";
import { createRemixHandler, type RemixMode } from "./remix";
import { createTrpcHttpMiddleware, attachTrpcWebSocket, TRPC_PATH } from "./trpc-transport";
import { isAllowedOrigin } from "./origin";

export const WEB_ROOT = path.resolve(fileURLToPath(new URL("..", import.meta.url)));

export interface HttpAppOptions {
  services: ApiServices;
  remix: RemixMode;
  appUrl: string;
  storage: Storage;
}

/** One Node server: Remix, tRPC over HTTP and WebSocket, /health, on one port. */
export async function createHttpApp(options: HttpAppOptions) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", false);
  const server: Server = createServer(app);
  const allowedOrigins = [new URL(options.appUrl).origin];

  app.get("/health", createHealthHandler(options.services));
  app.use(TRPC_PATH, (req, res, next) => {
    if (req.method !== "GET" && !isAllowedOrigin(req.headers.origin, req.headers.host, allowedOrigins)) {
      res.status(403).json({ error: "Cross-origin request refused." });
      return;
    }
    next();
  });
  app.use(TRPC_PATH, createTrpcHttpMiddleware(options.services));
  const media = createMediaHandler(options.services, options.storage);
  app.get("/media/*", (req, res, next) => {
    req.url = req.url.slice("/media".length);
    media(req, res).catch(next);
  });
  const ws = attachTrpcWebSocket(server, options.services, allowedOrigins);
  const remix = await createRemixHandler(options.remix, { app, server, services: options.services, root: WEB_ROOT });

  return {
    app,
    server,
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
