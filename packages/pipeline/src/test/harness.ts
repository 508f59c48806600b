import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Provider } from "@adgen/agents";
import { withPricesAndFaults, type Faults, type Prices } from "@adgen/agents/testing";
import { listSessionCosts, type SessionRow } from "@adgen/db";
import { createTestDatabase, type TestDatabase } from "@adgen/db/testing";
import { probeMedia, withTempDir } from "@adgen/media";
import { createLocalProvider } from "@adgen/provider-local";
import { createLocalStorage, type LocalStorage } from "@adgen/storage";
import { createPipeline, type Pipeline } from "../pipeline";
import type { StoredEvent } from "../events";
import { followUntilDone, sessionFixtures } from "./fixtures";

/** Prices in dollars per call (video per second), like a paid provider's price table. */
export const PRICES = {
  parser: 0.001,
  image: 0.003,
  planner: 0.002,
  videoPerSecond: 0.01,
  analyst: 0.0005,
} as const satisfies Prices;

/** Generous: a step here takes seconds; only a hang takes this long. */
const HANG_MS = 120_000;

export interface PipelineHarness {
  pipeline: Pipeline;
  testDb: TestDatabase;
  storage: LocalStorage;
  /** Read at each call: a test may change them, `reset()` puts them back. */
  prices: Prices;
  faults: Faults;
  reset: () => void;
  newSession: (budgetUsd?: number) => Promise<SessionRow>;
  reload: (sessionId: string) => Promise<SessionRow>;
  /** The session's events after `after`, up to the first `done` one (a hang fails the test). */
  untilDone: (sessionId: string, after?: number) => Promise<StoredEvent[]>;
  /** The session's cost lines and their sum in micro-dollars. */
  costs: (sessionId: string) => Promise<{ lines: CostLines; totalMicros: number }>;
  /** What ffprobe finds in a stored file. */
  probe: (storageKey: string) => ReturnType<typeof probeMedia>;
  close: () => Promise<void>;
}

type CostLines = Awaited<ReturnType<typeof listSessionCosts>>;

/**
 * A real pipeline for one test file: its own database (PGlite, or a fresh database on the
 * PostgreSQL of DATABASE_URL), media in a temp folder, pg-boss jobs run in this process by
 * the local provider wrapped in a price list and injectable faults.
 */
export async function startPipeline(
  options: {
    wrap?: (provider: Provider) => Provider;
    workerMode?: "embedded" | "external";
    workerConcurrency?: number;
    jobsPerUser?: number;
  } = {},
): Promise<PipelineHarness> {
  const testDb = await createTestDatabase();
  const root = await mkdtemp(path.join(tmpdir(), "adgen-pipeline-"));
  const storage = createLocalStorage({ root });
  const prices: Prices = { ...PRICES };
  const faults: Faults = {};
  const priced = withPricesAndFaults(createLocalProvider(), prices, faults);
  const pipeline = await createPipeline({
    conn: testDb.conn,
    storage,
    provider: options.wrap ? options.wrap(priced) : priced,
    workerMode: options.workerMode ?? "embedded",
    workerConcurrency: options.workerConcurrency ?? 2,
    jobsPerUser: options.jobsPerUser,
    timing: { superviseIntervalSeconds: 2, heartbeatSeconds: 10, retryDelaySeconds: 1 },
  });
  const db = testDb.conn.db;

  return {
    pipeline,
    testDb,
    storage,
    prices,
    faults,
    reset: () => {
      for (const key of Object.keys(faults)) delete faults[key as keyof Faults];
      for (const key of Object.keys(prices)) delete prices[key as keyof Prices];
      Object.assign(prices, PRICES);
    },
    ...sessionFixtures(db),
    untilDone: (sessionId, after = 0) => followUntilDone(pipeline, sessionId, after, HANG_MS),
    costs: async (sessionId) => {
      const lines = await listSessionCosts(db, sessionId);
      return { lines, totalMicros: lines.reduce((sum, l) => sum + l.costMicros, 0) };
    },
    probe: async (storageKey) => {
      const bytes = await storage.getBytes(storageKey);
      return withTempDir(async (dir) => {
        const file = path.join(dir, path.basename(storageKey));
        await writeFile(file, bytes);
        return probeMedia(file);
      });
    },
    close: async () => {
      await pipeline.stop();
      await testDb.drop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
