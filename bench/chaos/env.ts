/** The chaos run's configuration: the only file here that reads the environment. */
const env = process.env;

const number = (name: string, fallback: number) => {
  const value = env[name];
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new Error(`Invalid ${name}: must be a number`);
  return parsed;
};

export function readChaosEnv() {
  return {
    serverUrl: env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres",
    sessions: number("CHAOS_SESSIONS", 4),
    kills: number("CHAOS_KILLS", 20),
    seed: number("CHAOS_SEED", Math.floor(Math.random() * 1e9)),
    latencyMs: number("CHAOS_LATENCY_MS", 400),
    echo: env.CHAOS_ECHO === "1",
  };
}

/** What this process was started with, passed on to the web server and workers. */
export function inheritedEnv(): NodeJS.ProcessEnv {
  return { ...env };
}

/** For the chaos worker: where it logs paid calls and how slow each call is. */
export function readChaosWorkerEnv() {
  const callLog = env.CHAOS_CALL_LOG;
  if (!callLog) throw new Error("CHAOS_CALL_LOG is required");
  return { callLog, latencyMs: number("CHAOS_LATENCY_MS", 0) };
}
