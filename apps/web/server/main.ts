import { readDbEnv } from "@adgen/db";
import { jobSettingsFromEnv, readPipelineEnv } from "@adgen/pipeline";
import { providerFromEnv } from "@adgen/provider-replicate";
import { createStorageFromEnv } from "@adgen/storage";
import { createHttpApp } from "./app";
import { readServerEnv } from "./env";
import { createServices } from "./services";

/** Starts Adgen: configuration is checked first, so a bad value stops here with its name. */
async function main() {
  const env = readServerEnv();
  const dbEnv = readDbEnv();
  const pipelineEnv = readPipelineEnv();
  const storage = createStorageFromEnv();
  const services = await createServices(env, {
    databaseUrl: dbEnv.DATABASE_URL,
    pgliteDir: dbEnv.PGLITE_DIR,
    storage,
    pipeline: {
      workerMode: pipelineEnv.WORKER_MODE,
      ...jobSettingsFromEnv(pipelineEnv),
      provider: providerFromEnv(pipelineEnv.GENERATION_PROVIDER),
    },
  });
  const http = await createHttpApp({
    services: services.api,
    remix: env.isProduction ? "production" : "development",
    allowedOrigins: env.allowedOrigins,
    trustedHops: env.TRUST_PROXY,
    storage,
  });
  const port = await http.listen(env.PORT, env.HOST);
  const where = services.conn.driver === "pg" ? "PostgreSQL" : `PGlite (${dbEnv.PGLITE_DIR})`;
  const shown = env.HOST === "0.0.0.0" ? "localhost" : env.HOST;
  console.log(
    `Adgen ${services.api.version} listening on http://${shown}:${port} — database: ${where}`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, shutting down…`);
    await http.close().catch((e: unknown) => console.error(e));
    await services.close().catch((e: unknown) => console.error(e));
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
