/**
 * Starts the real dev server (`pnpm dev` runs `node --import tsx server/main.ts` in apps/web)
 * and checks that Vite serves the app's sources and nothing else: not the database, not the
 * media, not the repository's files, not server-only code — even when DATA_DIR is misplaced
 * inside the app folder.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const WEB_ROOT = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const REPO_ROOT = path.resolve(WEB_ROOT, "../..");
const START_TIMEOUT_MS = 120_000;

interface DevServer {
  port: number;
  output: () => string;
  stop: () => Promise<void>;
}

/** The child's environment: development mode, PGlite in `dataDir`, a free loopback port. */
function devEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith("VITEST") && name !== "DATABASE_URL") env[name] = value;
  }
  return {
    ...env,
    NODE_ENV: "development",
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    STORAGE_DRIVER: "local",
    WORKER_MODE: "external",
  };
}

async function startDevServer(dataDir: string): Promise<DevServer> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: WEB_ROOT,
    env: devEnv(dataDir),
    detached: true, // its own process group, so stop() reaches every descendant
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
    process.kill(-child.pid, "SIGTERM");
    const timer = setTimeout(() => {
      if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGKILL");
    }, 15_000);
    await exited;
    clearTimeout(timer);
  };

  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start in time:\n${log}`)), 110_000);
      const onData = () => {
        const match = /listening on https?:\/\/\S+:(\d+)/.exec(log);
        if (!match) return;
        clearTimeout(timer);
        resolve(Number(match[1]));
      };
      child.stdout?.on("data", onData);
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`dev server exited with ${code}:\n${log}`));
      });
    });
    return { port, output: () => log, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

interface Reply {
  status: number;
  type: string;
  body: string;
}

/** A GET with the path sent byte for byte: fetch() would normalise `..` and `%2e%2e` away. */
function get(port: number, rawPath: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path: rawPath }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers["content-type"] ?? ""),
          body,
        }),
      );
    });
    req.on("error", reject);
  });
}

/** A data folder with a database (the server creates it) and one media file we place. */
interface DataFixture {
  dir: string;
  mediaKey: string;
  mediaMarker: string;
}

async function placeMedia(dir: string): Promise<DataFixture> {
  const sessionId = randomUUID();
  const mediaKey = `sessions/${sessionId}/images/${randomUUID()}.png`;
  const mediaMarker = `adgen-test-media-${randomUUID()}`;
  await mkdir(path.dirname(path.join(dir, "media", mediaKey)), { recursive: true });
  await writeFile(path.join(dir, "media", mediaKey), mediaMarker);
  return { dir, mediaKey, mediaMarker };
}

/** Paths that must answer 404 and never show the secret text given beside them. */
function forbiddenPaths(data: DataFixture, envSecret: string): Array<[string, string]> {
  const fs = (file: string) => `/@fs${file}`;
  const repo = (file: string) => path.join(REPO_ROOT, file);
  const inApp = path.relative(WEB_ROOT, data.dir);
  const paths: Array<[string, string]> = [
    ["/data/pglite/PG_VERSION", "\n"],
    [fs(path.join(data.dir, "pglite/PG_VERSION")), "\n"],
    [fs(path.join(data.dir, "media", data.mediaKey)), data.mediaMarker],
    [fs(path.join(data.dir, "media", data.mediaKey)) + "?raw", data.mediaMarker],
    ["/../package.json", '"name"'],
    ["/%2e%2e/package.json", '"name"'],
    ["/%2E%2E/%2e%2e/package.json", '"name"'],
    ["/app/../package.json", '"name"'],
    ["/app/%2e%2e/server/env.ts", "serverEnvSchema"],
    ["/app%2f..%2fserver%2fenv.ts", "serverEnvSchema"],
    ["/app/..%5cserver%5cenv.ts", "serverEnvSchema"],
    [fs(repo("package.json")), '"name"'],
    [fs(repo("package.json")) + "?raw", '"name"'],
    [fs(`${WEB_ROOT}/app/../server/env.ts`), "serverEnvSchema"],
    [fs(repo("apps/web/server/env.ts")), "serverEnvSchema"],
    [fs(repo("packages/db/src/env.ts")), "dbEnvSchema"],
    [fs(repo("node_modules/.pnpm/node_modules/@adgen/db/src/env.ts")), "dbEnvSchema"],
    [fs(repo("apps/web/.env")), envSecret],
    ["/node_modules/@adgen/db/src/env.ts", "dbEnvSchema"],
    ["/package.json", '"name"'],
    ["/package.json?raw", '"name"'],
    ["/package.json?import", '"name"'],
    ["/vite.config.ts", "defineConfig"],
    ["/vite.config.ts?raw", "defineConfig"],
    ["/server/env.ts", "serverEnvSchema"],
    ["/server/env.ts?raw", "serverEnvSchema"],
    ["/server/main.ts?import", "readServerEnv"],
    ["/server/main.ts?url", "readServerEnv"],
    [`/@id/${repo("apps/web/server/env.ts")}`, "serverEnvSchema"],
    ["/.env", envSecret],
    ["/.env?raw", envSecret],
    ["/__open-in-editor?file=package.json", ""],
  ];
  if (!inApp.startsWith("..")) {
    paths.push(
      [`/${inApp}/pglite/PG_VERSION`, "\n"],
      [`/${inApp}/pglite/PG_VERSION?raw`, "\n"],
      [`/${inApp}/media/${data.mediaKey}`, data.mediaMarker],
      [`/${inApp}/media/${data.mediaKey}?url`, data.mediaMarker],
    );
  }
  return paths;
}

/** Module URLs a page or a module asks the browser to load from this server. */
function moduleUrls(text: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /\b(?:src|href)="(\/[^"]+)"/g,
    /\bimport\s*\(\s*"(\/[^"]+)"\s*\)/g,
    /\b(?:from|import)\s*"(\/[^"]+)"/g,
  ];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const url = match[1]!;
      if (!url.startsWith("//")) found.add(url.replaceAll("&amp;", "&"));
    }
  }
  return [...found];
}

let envSecret = "";
const envFile = path.join(WEB_ROOT, ".env");
let envFileWasOurs = false;

beforeAll(async () => {
  envSecret = `ADGEN_FAKE_SECRET_${randomUUID()}`;
  const existing = await readFile(envFile, "utf8").catch(() => null);
  if (existing === null) {
    await writeFile(envFile, `FAKE_TEST_SECRET=${envSecret}\n`);
    envFileWasOurs = true;
  } else {
    envSecret = existing.split("\n")[0] ?? envSecret;
  }
});

afterAll(async () => {
  if (envFileWasOurs) await rm(envFile, { force: true });
});

function leakChecks(getServer: () => DevServer, getData: () => DataFixture) {
  it("answers 404 for data, repository files and server sources", async () => {
    const server = getServer();
    const served: string[] = [];
    for (const [rawPath, secret] of forbiddenPaths(getData(), envSecret)) {
      const reply = await get(server.port, rawPath);
      const leaked = secret !== "\n" && secret !== "" && reply.body.includes(secret);
      if (reply.status !== 404 || leaked) served.push(`${reply.status} ${rawPath}`);
    }
    expect(served).toEqual([]);
  });
}

describe("dev server with DATA_DIR in a temporary folder", () => {
  let server: DevServer;
  let data: DataFixture;
  let tempDir: string;

  beforeAll(async () => {
    tempDir = await mkdtemp(path.join(tmpdir(), "adgen-dev-"));
    data = await placeMedia(tempDir);
    server = await startDevServer(tempDir);
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await server?.stop();
    await rm(tempDir, { recursive: true, force: true });
  });

  leakChecks(
    () => server,
    () => data,
  );

  it("still serves the app: pages, its modules, Vite's client, public files, /health", async () => {
    const health = await get(server.port, "/health");
    expect(health.status).toBe(200);

    const login = await get(server.port, "/login");
    expect(login.status).toBe(200);
    expect(login.type).toMatch(/text\/html/);
    expect(login.body).toContain("<html");

    for (const url of ["/app/root.tsx", "/@vite/client", "/favicon.svg"]) {
      expect([url, (await get(server.port, url)).status]).toEqual([url, 200]);
    }

    // Single fetch and lazy route discovery go to Remix, not to Vite.
    expect((await get(server.port, "/login.data")).status).toBe(200);
    const version = /"version":\s*"([^"]+)"/.exec(login.body)?.[1] ?? "";
    const manifest = await get(server.port, `/__manifest?p=%2F&p=%2Fsignup&version=${version}`);
    expect([manifest.status, manifest.type]).toEqual([200, expect.stringMatching(/json/)]);

    // Every module the page and the other routes need, followed through imports, must load.
    const routes = await readdir(path.join(WEB_ROOT, "app/routes"));
    const queue = [...moduleUrls(login.body), ...routes.map((file) => `/app/routes/${file}`)];
    const seen = new Set<string>();
    const failed: string[] = [];
    while (queue.length > 0 && seen.size < 600) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const reply = await get(server.port, url);
      if (reply.status !== 200) failed.push(`${reply.status} ${url}`);
      else if (/javascript/.test(reply.type)) queue.push(...moduleUrls(reply.body));
    }
    expect(failed).toEqual([]);
    expect(seen.size).toBeGreaterThan(5);
  });
  it("refuses cross-origin posts to Remix actions: log-in CSRF, log-out, ?_data, .data", async () => {
    const post = (url: string, headers: Record<string, string>) =>
      new Promise<{ status: number; cookie: string | string[] | undefined }>((resolve, reject) => {
        const body = "email=demo%40example.com&password=demo123";
        const req = http.request(
          {
            host: "127.0.0.1",
            port: server.port,
            path: url,
            method: "POST",
            headers: {
              "content-type": "application/x-www-form-urlencoded",
              "content-length": Buffer.byteLength(body),
              ...headers,
            },
          },
          (res) => {
            res.resume();
            res.on("end", () =>
              resolve({ status: res.statusCode ?? 0, cookie: res.headers["set-cookie"] }),
            );
          },
        );
        req.on("error", reject);
        req.end(body);
      });
    for (const url of ["/login", "/login?_data=routes%2Flogin", "/login.data", "/logout"]) {
      const attempts: Record<string, string>[] = [
        { origin: "https://evil.example" },
        // DNS rebinding: Origin and Host agree, both the attacker's.
        { origin: `http://evil.example:${server.port}`, host: `evil.example:${server.port}` },
        { "sec-fetch-site": "cross-site" },
      ];
      for (const headers of attempts) {
        const res = await post(url, headers);
        expect([url, headers, res.status]).toEqual([url, headers, 403]);
        expect(res.cookie).toBeUndefined();
      }
    }
    // The same form from the app's own page still logs in.
    const own = await post("/login", { "sec-fetch-site": "same-origin" });
    expect(own.status).not.toBe(403);
    expect(String(own.cookie)).toMatch(/adgen_session=/);
  });
});

describe("dev server with DATA_DIR misplaced inside apps/web", () => {
  let server: DevServer;
  let data: DataFixture;
  let inAppDir: string;

  beforeAll(async () => {
    inAppDir = path.join(WEB_ROOT, `.test-data-${randomUUID().slice(0, 8)}`);
    await mkdir(inAppDir);
    data = await placeMedia(inAppDir);
    server = await startDevServer(inAppDir);
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await server?.stop();
    await rm(inAppDir, { recursive: true, force: true });
  });

  leakChecks(
    () => server,
    () => data,
  );
});
