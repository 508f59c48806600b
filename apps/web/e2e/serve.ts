/**
 * Starts the production server for Playwright on a fresh database — a new PostgreSQL
 * database when DATABASE_URL is set, else PGlite in a temporary folder — and removes both
 * when Playwright stops it. It runs in this process (like server/main.ts) so that a small
 * control server on E2E_PORT + 1 can hold or fail model calls and drop WebSockets.
 */
import { createServer } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createLocalStorage } from "@adgen/storage";
import pg from "pg";
import { createHttpApp } from "../server/app";
import { readServerEnv } from "../server/env";
import { createServices } from "../server/services";
import { controlUpgrades } from "./support/socket-control";
import { createTestProvider, type ControlledModel } from "./support/test-provider";

const serverUrl = process.env.DATABASE_URL;
const dataDir = await mkdtemp(path.join(tmpdir(), "adgen-e2e-"));
const dbName = `adgen_e2e_${Date.now().toString(36)}`;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

let databaseUrl: string | undefined;
if (serverUrl) {
  await admin(`CREATE DATABASE "${dbName}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  databaseUrl = url.toString();
}

const port = Number(process.env.E2E_PORT ?? 3210);
const env = readServerEnv({
  ...process.env,
  NODE_ENV: "production",
  PORT: String(port),
  // The browser is pointed at 127.0.0.1: that is the app's one allowed origin.
  APP_URL: `http://127.0.0.1:${port}`,
  HOST: "127.0.0.1",
  TRUST_PROXY: "1",
});
const storage = createLocalStorage({ root: path.join(dataDir, "media") });
const models = createTestProvider();
const services = await createServices(env, {
  databaseUrl,
  pgliteDir: databaseUrl ? undefined : path.join(dataDir, "pglite"),
  storage,
  pipeline: { workerMode: "embedded", workerConcurrency: 2, provider: models.provider },
});
const http = await createHttpApp({
  services: services.api,
  remix: "production",
  allowedOrigins: env.allowedOrigins,
  trustedHops: env.TRUST_PROXY,
  storage,
});
const sockets = controlUpgrades(http.server);
await http.listen(port, "127.0.0.1");

/** POST /hold/<model>/<passes>, /release/<model>, /fail/<model>/on|off, /drop-sockets/<ms>. */
const control = createServer((req, res) => {
  const [action, name, arg] = (req.url ?? "").split("/").slice(1);
  const model = name as ControlledModel;
  if (action === "hold") models.hold(model, Number(arg));
  else if (action === "release") models.release(model);
  else if (action === "fail") models.fail(model, arg === "on");
  else if (action === "drop-sockets") {
    res.end(JSON.stringify({ dropped: sockets.dropAll(Number(name)) }));
    return;
  } else {
    res.statusCode = 404;
  }
  res.end("{}");
});
control.listen(port + 1, "127.0.0.1");
console.log(`e2e server on http://127.0.0.1:${port}, control on ${port + 1}`);

let cleaning = false;
async function cleanUp() {
  if (cleaning) return;
  cleaning = true;
  control.close();
  await http.close().catch(console.error);
  await services.close().catch(console.error);
  if (serverUrl)
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(console.error);
  await rm(dataDir, { recursive: true, force: true });
  process.exit(0);
}
process.on("SIGTERM", () => void cleanUp());
process.on("SIGINT", () => void cleanUp());
