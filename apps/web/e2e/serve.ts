/**
 * Starts the production server for Playwright on a fresh database — a new PostgreSQL
 * database when DATABASE_URL is set, else PGlite in a temporary folder — and removes
 * both when Playwright stops it.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

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

const port = process.env.E2E_PORT ?? "3210";
const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl ?? "",
    PORT: port,
    // The browser is pointed at 127.0.0.1: that is the app's one allowed origin.
    APP_URL: `http://127.0.0.1:${port}`,
    HOST: "127.0.0.1",
    TRUST_PROXY: "1",
  },
});

let cleaning = false;
async function cleanUp(code: number) {
  if (cleaning) return;
  cleaning = true;
  if (child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
  if (serverUrl)
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(console.error);
  await rm(dataDir, { recursive: true, force: true });
  process.exit(code);
}
process.on("SIGTERM", () => void cleanUp(0));
process.on("SIGINT", () => void cleanUp(0));
child.on("exit", (code) => void cleanUp(code ?? 1));
