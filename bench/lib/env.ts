/** What the benchmarks read from the environment, in one place. */
export const benchEnv = {
  /** A PostgreSQL server to run on as well (a scratch database is made and dropped). */
  databaseUrl: process.env.DATABASE_URL || undefined,
  /** The whole environment, passed on to child processes. */
  inherited: process.env,
  /** BENCH_SERVER_PROFILE=<dir>: the bench server writes its CPU profile there. */
  serverProfileDir: process.env.BENCH_SERVER_PROFILE || undefined,
};

/** What lib/bench-server.ts is told by its parent. */
export function readBenchServerEnv() {
  const dataDir = process.env.BENCH_DATA_DIR;
  if (!dataDir) throw new Error("BENCH_DATA_DIR is required");
  return {
    dataDir,
    databaseUrl: process.env.BENCH_DATABASE_URL || undefined,
    baseline: process.env.BENCH_BASELINE === "1",
    workerMode:
      process.env.BENCH_WORKER_MODE === "external" ? ("external" as const) : ("embedded" as const),
    workerConcurrency: Number(process.env.BENCH_WORKER_CONCURRENCY || 2),
  };
}
