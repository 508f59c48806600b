import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createCaller, createContext, type ApiServices } from "@adgen/api";
import { readDbEnv } from "@adgen/db";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express, { type Express, type Request, type Response } from "express";
import { clientAddress } from "./client-address";
import { createDevGuard } from "./dev-guard";

/**
 * `development` runs Vite as middleware, `production` serves the build, `none` serves only
 * the API.
 */
export type RemixMode = "development" | "production" | "none";

async function loadContext(
  services: ApiServices,
  req: Request,
  res: Response,
  isDevelopment: boolean,
  trustedHops: number,
) {
  const ctx = await createContext(services, {
    cookie: req.headers.cookie,
    authorization: undefined,
    address: clientAddress(req, trustedHops),
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
  opts: { app: Express; server: Server; services: ApiServices; root: string; trustedHops: number },
) {
  if (mode === "none") return { close: async () => {} };
  const getLoadContext = (req: Request, res: Response) =>
    loadContext(opts.services, req, res, mode === "development", opts.trustedHops);

  if (mode === "development") {
    const { createServer, isFileLoadingAllowed } = await import("vite");
    const vite = await createServer({
      root: opts.root,
      server: { middlewareMode: true, hmr: { server: opts.server } },
    });
    // Vite answers only what the browser needs from it; see dev-guard.ts.
    const devTarget = createDevGuard({
      root: opts.root,
      appDir: path.join(opts.root, "app"),
      publicDir: vite.config.publicDir,
      cacheDir: vite.config.cacheDir,
      isAllowedFile: (file) => isFileLoadingAllowed(vite.config, file),
      deniedDirs: [readDbEnv().DATA_DIR],
    });
    opts.app.use((req, res, next) => {
      const target = devTarget(req.method, req.url);
      if (target === "vite") vite.middlewares(req, res, next);
      else if (target === "remix") next();
      else res.status(404).type("text/plain").send("Not found");
    });
    opts.app.all(
      "*",
      createRequestHandler({
        build: () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>,
        getLoadContext,
      }),
    );
    return { close: () => vite.close() };
  }

  // Only build/client is served: the built assets and public/'s files (e2e/static-files.spec.ts).
  const buildDir = path.join(opts.root, "build");
  const build = (await import(
    pathToFileURL(path.join(buildDir, "server/index.js")).href
  )) as ServerBuild;
  opts.app.use(
    "/assets",
    express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }),
  );
  opts.app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
  opts.app.all("*", createRequestHandler({ build, getLoadContext, mode: "production" }));
  return { close: async () => {} };
}
