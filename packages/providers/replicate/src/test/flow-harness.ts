import { writeFile } from "node:fs/promises";
import path from "node:path";
import { listSessionAssets, listSessionCosts, type SessionRow } from "@adgen/db";
import { createTestDatabase, type TestDatabase } from "@adgen/db/testing";
import { probeMedia, withTempDir } from "@adgen/media";
import { createPipeline, readPipelineEnv, type Pipeline, type StoredEvent } from "@adgen/pipeline";
import {
  composeRequest as composeSharedRequest,
  followUntilDone,
  sessionFixtures,
} from "@adgen/pipeline/testing";
import type { ComposeFinalVideoInput } from "@adgen/schemas";
import { createStorageFromEnv, type Storage } from "@adgen/storage";
import {
  startReplicateTestServer,
  startS3TestServer,
  type ReplicateTestServer,
  type S3TestServer,
} from "@adgen/test-utils";
import { providerFromEnv } from "../from-env";
import { testEnv } from "./replicate-models";

/** The final ad both the flow test and the benchmark compose: cards, overlay, a music bed. */
export function composeRequest(sessionId: string): ComposeFinalVideoInput {
  return composeSharedRequest(sessionId, "Nocturne Bottle");
}

/** Generous: a Replicate flow step takes seconds here; only a hang takes this long. */
const HANG_MS = 150_000;

export interface FlowHarness {
  replicate: ReplicateTestServer;
  s3: S3TestServer;
  storage: Storage;
  testDb: TestDatabase;
  pipeline: Pipeline;
  newSession: (budgetUsd?: number) => Promise<SessionRow>;
  reload: (sessionId: string) => Promise<SessionRow>;
  untilDone: (sessionId: string, after?: number) => Promise<StoredEvent[]>;
  assets: (
    sessionId: string,
    type: "image" | "video" | "audio" | "final_video",
  ) => ReturnType<typeof listSessionAssets>;
  costs: (sessionId: string) => ReturnType<typeof listSessionCosts>;
  /** Downloads a stored file through its presigned URL and probes it with ffprobe. */
  probeUrl: (
    storageKey: string,
  ) => Promise<Awaited<ReturnType<typeof probeMedia>> & { bytes: Buffer }>;
  close: () => Promise<void>;
}

/**
 * The real pipeline configured as in production with GENERATION_PROVIDER=replicate and
 * STORAGE_DRIVER=s3: the Replicate test server and s3rver on loopback, a fresh database
 * (PostgreSQL with DATABASE_URL, else PGlite).
 */
export async function startReplicateFlow(
  extraEnv: Record<string, string> = {},
  options: { callConcurrency?: number } = {},
): Promise<FlowHarness> {
  const replicate = await startReplicateTestServer();
  const s3 = await startS3TestServer();
  const env = { GENERATION_PROVIDER: "replicate", ...s3.env, ...testEnv(replicate, extraEnv) };
  const storage = createStorageFromEnv(env);
  const provider = providerFromEnv(readPipelineEnv(env).GENERATION_PROVIDER, env);
  const testDb = await createTestDatabase();
  const pipeline = await createPipeline({
    conn: testDb.conn,
    storage,
    provider,
    workerMode: "embedded",
    workerConcurrency: 2,
    callConcurrency: options.callConcurrency ?? 4,
    timing: { superviseIntervalSeconds: 2, heartbeatSeconds: 10, retryDelaySeconds: 1 },
  });
  const db = testDb.conn.db;

  return {
    replicate,
    s3,
    storage,
    testDb,
    pipeline,
    ...sessionFixtures(db),
    untilDone: (sessionId, after = 0) => followUntilDone(pipeline, sessionId, after, HANG_MS),
    assets: (sessionId, type) => listSessionAssets(db, sessionId, type),
    costs: (sessionId) => listSessionCosts(db, sessionId),
    probeUrl: async (storageKey) => {
      const url = await storage.urlFor(storageKey);
      const response = await fetch(url);
      if (!response.ok) throw new Error(`presigned URL answered ${response.status}`);
      const bytes = Buffer.from(await response.arrayBuffer());
      const info = await withTempDir(async (dir) => {
        const file = path.join(dir, path.basename(storageKey));
        await writeFile(file, bytes);
        return probeMedia(file);
      });
      return { ...info, bytes };
    },
    close: async () => {
      await pipeline.stop();
      await testDb.drop();
      await replicate.close();
      await s3.close();
    },
  };
}
