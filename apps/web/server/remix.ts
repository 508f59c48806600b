import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createCaller, createContext, type ApiServices } from "@adgen/api";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express, { type Express, type Request, type Response } from "express";

/** `development` runs Vite as middleware, `production` serves the build, `none` serves only the API. */
export type RemixMode = "development" | "production" | "none";

async function loadContext(services: ApiServices, req: Request, res: Response, isDevelopment: boolean) {
  const ctx = await createContext(services, {
    cookie: req.headers.cookie,
    authorization: undefined,
    address: req.socket.remoteAddress,
    setCookie: (cookie) => res.append("Set-Cookie", cookie),
  });
  return {
    api: createCaller(ctx),
    user: ctx.user ? { id: ctx.user.id, email: ctx.user.email } : null,
    isDevelopment,
  };
}

export type AdgenLoadContext = Awaited<ReturnType<typeof loadContext>>;

export async function createRemixHandler(
  mode: RemixMode,
  opts: { app: Express; server: Server; services: ApiServices; root: string },
) {
  if (mode === "none") return { close: async () => {} };
  const getLoadContext = (req: Request, res: Response) =>
    loadContext(opts.services, req, res, mode === "development");

  if (mode === "development") {
    const vite = await import("vite").then((v) =>
      v.createServer({ root: opts.root, server: { middlewareMode: true, hmr: { server: opts.server } } }),
    );
    opts.app.use(vite.middlewares);
    opts.app.all(
      "*",
      createRequestHandler({
        build: () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>,
        getLoadContext,
      }),
    );
    return { close: () => vite.close() };
  }

  const buildDir = path.join(opts.root, "build");
  const build = (await import(pathToFileURL(path.join(buildDir, "server/index.js")).href)) as ServerBuild;
  opts.app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
  opts.app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
  opts.app.all("*", createRequestHandler({ build, getLoadContext, mode: "production" }));
  return { close: async () => {} };
}
