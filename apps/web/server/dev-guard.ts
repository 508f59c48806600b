import { realpathSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Where a development request goes. Vite in middleware mode would answer any file under
 * its root by plain path and, through `/@fs/`, any file its allow list covers; so only the
 * requests the browser needs from Vite reach it: the app's sources under `/app/`, public
 * files, Vite's and Remix's internal modules, pre-bundled dependencies and `/@fs/` files
 * inside the allow list. Everything else goes to Remix — pages render, and an unknown
 * path is Remix's 404, as in production — or, when it is malformed or asks Vite for a
 * file it may not serve, a plain 404.
 */
export type DevTarget = "vite" | "remix" | "not-found";

export interface DevGuardOptions {
  /** Vite's root (apps/web). */
  root: string;
  /** The app's sources, served at `/app/…`. */
  appDir: string;
  /** Files served at the site's root, e.g. `/favicon.svg`. */
  publicDir: string;
  /** Vite's cache; its `deps/` folder holds the pre-bundled dependencies. */
  cacheDir: string;
  /** Vite's own check of a real path against `server.fs.allow` and `server.fs.deny`. */
  isAllowedFile: (file: string) => boolean;
  /** Folders never served whatever the allow list says: the data folder. */
  deniedDirs: string[];
}

/** Query flags that make Vite answer a file's text or URL: for the app's own files only. */
const TEXT_QUERY_FLAGS = ["raw", "url", "inline", "worker", "sharedworker"];
/** …and those that make it answer a file as a module. */
const MODULE_QUERY_FLAGS = ["import", "direct"];
/** Vite's client and the ids of virtual modules (`\0virtual:…`, written `__x00__virtual:…`). */
const VITE_INTERNAL =
  /^\/(?:@vite\/client|@vite\/env|@react-refresh|@id\/__x00__virtual:[\w/:.-]+)$/;
/** Remix keeps server-only code in `*.server.*` files and `.server/` folders. */
const SERVER_ONLY = /(?:^|\/)[^/]*\.server(?:\.[^/]*)?(?:\/|$)/;
/** Percent-encoded `/`, `\`, `.`, `%` or NUL: no asset URL needs them, path tricks do. */
const ENCODED_TRICK = /%(?:2f|5c|2e|25|00)/i;

/**
 * The decoded path when it is plain: no `.`, `..` or empty segments, no backslashes, control
 * characters or percent-encoded tricks. Anything else is refused before a file is looked up.
 */
function plainPath(rawPath: string): string | null {
  if (!rawPath.startsWith("/") || rawPath.startsWith("//") || ENCODED_TRICK.test(rawPath)) {
    return null;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes("\\") || [...decoded].some((c) => c.charCodeAt(0) < 0x20)) return null;
  const segments = decoded.slice(1).split("/");
  const inner = segments.slice(0, -1);
  if (inner.some((s) => s === "" || s === "." || s === "..")) return null;
  const last = segments.at(-1);
  return last === "." || last === ".." ? null : decoded;
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

function realFile(file: string): string | null {
  try {
    const real = realpathSync(file);
    return statSync(real).isFile() ? real : null;
  } catch {
    return null;
  }
}

function realDir(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}

export function createDevGuard(options: DevGuardOptions) {
  const appDir = realDir(options.appDir);
  const publicDir = realDir(options.publicDir);
  const depsDir = path.relative(options.root, path.join(options.cacheDir, "deps"));
  const depsPrefix = `/${depsDir.split(path.sep).join("/")}/`;
  const deniedDirs = options.deniedDirs.map(realDir);

  /** The real file behind `file` when it may be served, else null. */
  const servable = (file: string): string | null => {
    const real = realFile(file);
    if (!real || deniedDirs.some((dir) => isInside(dir, real))) return null;
    if (isInside(appDir, real) && SERVER_ONLY.test(path.relative(appDir, real))) return null;
    return options.isAllowedFile(real) ? real : null;
  };

  return function devTarget(method: string, url: string): DevTarget {
    const queryAt = url.indexOf("?");
    const rawPath = queryAt === -1 ? url : url.slice(0, queryAt);
    const query = new URLSearchParams(queryAt === -1 ? "" : url.slice(queryAt + 1));
    const pathname = plainPath(rawPath);
    if (pathname === null) return "not-found";
    if (method !== "GET" && method !== "HEAD") return "remix";

    const asText = TEXT_QUERY_FLAGS.some((flag) => query.has(flag));
    const asModule = asText || MODULE_QUERY_FLAGS.some((flag) => query.has(flag));
    const vite = (file: string | null, within?: string): DevTarget => {
      if (!file || (within && !isInside(within, file))) return "not-found";
      return asText && !isInside(appDir, file) ? "not-found" : "vite";
    };

    if (VITE_INTERNAL.test(pathname)) return "vite";
    // Written by Vite's optimizer, possibly still in progress: known by path, not on disk yet.
    if (pathname.startsWith(depsPrefix)) return asText ? "not-found" : "vite";
    if (pathname.startsWith("/app/")) {
      return vite(servable(path.join(options.root, pathname)), appDir);
    }
    if (pathname.startsWith("/@fs/")) return vite(servable(pathname.slice("/@fs".length)));
    // Any other Vite-looking request is refused rather than handed to Vite or to Remix.
    if (pathname.startsWith("/@") || pathname.startsWith("/node_modules/")) return "not-found";
    const publicFile = servable(path.join(publicDir, pathname));
    if (publicFile && isInside(publicDir, publicFile)) return asModule ? "not-found" : "vite";
    // Pages (and unknown paths) never reach Vite, so their query strings are Remix's business.
    return "remix";
  };
}
