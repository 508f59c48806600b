import type { Provider } from "@adgen/agents";
import { migrateDatabase, openDatabase, readDbEnv } from "@adgen/db";
import { createPipeline, jobSettingsFromEnv, readPipelineEnv } from "@adgen/pipeline";
import { providerFromEnv } from "@adgen/provider-replicate";
import { createStorageFromEnv } from "@adgen/storage";

/**
 * A stand-alone job worker: runs generation jobs against the same PostgreSQL (and the same
 * media storage) as the web servers, on this machine or any other, until SIGINT or SIGTERM.
 * `provider` replaces the configured models (tests run a priced one).
 */
export async function runWorkerProcess(options: { provider?: Provider } = {}) {
  const dbEnv = readDbEnv();
  const env = readPipelineEnv();
  const provider = options.provider ?? providerFromEnv(env.GENERATION_PROVIDER);
  if (!dbEnv.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is required: a separate worker needs the same PostgreSQL as the web server.",
    );
  }
  const poolSize = env.WORKER_CONCURRENCY * 2 + 2;
  const conn = await openDatabase({ databaseUrl: dbEnv.DATABASE_URL, poolSize });
  await migrateDatabase(conn);
  const pipeline = await createPipeline({
    conn,
    storage: createStorageFromEnv(),
    provider,
    workerMode: "embedded",
    ...jobSettingsFromEnv(env),
    onJobDone: (step, sessionId) =>
      console.log(`[worker ${process.pid}] finished ${step} ${sessionId}`),
  });
  console.log(`[worker ${process.pid}] ready: ${env.WORKER_CONCURRENCY} jobs at a time`);

  const stop = async (signal: string) => {
    console.log(`[worker ${process.pid}] ${signal}: finishing current jobs…`);
    await pipeline.stop();
    await conn.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}
