/** The production server serves build/client (built assets, public/'s files) and nothing else. */
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";

const repoRoot = path.resolve(fileURLToPath(new URL("../../..", import.meta.url)));

/** A GET with the path sent as written: URL parsing would turn `/../x` into `/x`. */
function rawGet(baseURL: string, rawPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    http
      .get({ host: hostname, port, path: rawPath }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

const hiddenPaths = [
  "/server/env.ts",
  "/server/main.ts?raw",
  "/package.json",
  "/package.json?raw",
  "/vite.config.ts",
  "/app/root.tsx",
  "/build/server/index.js",
  "/server/index.js",
  "/.vite/manifest.json",
  "/.env",
  "/data/pglite/PG_VERSION",
  "/node_modules/react/package.json",
  `/@fs${repoRoot}/package.json`,
];

/** Text from the files above; a 404 page must show none of it. */
const fileText = /"private": true|serverEnvSchema|defineConfig|renderToPipeableStream/;

const rawHiddenPaths = [
  "/../package.json",
  "/%2e%2e/package.json",
  "/assets/../../server/index.js",
  "/assets/%2e%2e/%2e%2e/server/index.js",
  "/assets%2f..%2f..%2fserver%2findex.js",
  "/..%5cpackage.json",
];

test("only built assets and public files are served", async ({ request, baseURL }) => {
  for (const url of hiddenPaths) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect([url, response.status()]).toEqual([url, 404]);
    expect(await response.text()).not.toMatch(fileText);
  }
  for (const url of rawHiddenPaths) {
    const response = await rawGet(baseURL!, url);
    expect([url, response.status]).toEqual([url, 404]);
    expect(response.body).not.toMatch(fileText);
  }

  const favicon = await request.get("/favicon.svg");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/image\/svg\+xml/);

  const login = await request.get("/login");
  expect(login.status()).toBe(200);
  const asset = /"(\/assets\/[^"]+\.js)"/.exec(await login.text())?.[1];
  expect(asset).toBeDefined();
  const script = await request.get(asset!);
  expect(script.status()).toBe(200);
  expect(script.headers()["content-type"]).toMatch(/javascript/);
});
