import { readFileSync } from "node:fs";
import {
  createAuthService,
  removeDemoUser,
  seedDemoUser,
  type ThrottlePolicies,
} from "@adgen/auth";
import type { ApiServices } from "@adgen/api";
import { migrateDatabase, openDatabase, type DbConnection } from "@adgen/db";
import { createPipeline, type Pipeline, type PipelineOptions } from "@adgen/pipeline";
import type { Storage } from "@adgen/storage";
import type { ServerEnv } from "./env";

const { version } = JSON.parse(
  readFileSync(new URL("../package.json", import.meta.url), "utf8"),
) as {
  version: string;
};

export interface ServerServices {
  api: ApiServices;
  conn: DbConnection;
  storage: Storage;
  pipeline: Pipeline;
  close: () => Promise<void>;
}

export interface ServiceOptions {
  databaseUrl?: string;
  pgliteDir?: string;
  storage: Storage;
  /** An already open connection (tests with in-memory PGlite); the caller closes it. */
  connection?: DbConnection;
  pipeline: Omit<PipelineOptions, "conn" | "storage">;
  /** Throttle limits other than the defaults (tests that sign up many users from one address). */
  throttle?: Partial<ThrottlePolicies>;
}

/** Opens and migrates the database, seeds the demo user, starts jobs, and builds what the API needs. */
export async function createServices(
  env: ServerEnv,
  options: ServiceOptions,
): Promise<ServerServices> {
  const owned = !options.connection;
  const conn =
    options.connection ??
    (await openDatabase({ databaseUrl: options.databaseUrl, pgliteDir: options.pgliteDir }));
  let pipeline: Pipeline;
  try {
    await migrateDatabase(conn);
    if (env.seedDemoUser) await seedDemoUser(conn.db);
    if (env.isProduction && (await removeDemoUser(conn.db)) === "removed") {
      console.warn("Removed the demo account: it must not exist in production.");
    }
    pipeline = await createPipeline({ ...options.pipeline, conn, storage: options.storage });
  } catch (error) {
    if (owned) await conn.close();
    throw error;
  }
  const { storage } = options;
  const api: ApiServices = {
    db: conn.db,
    auth: createAuthService(conn.db, {
      secureCookies: env.secureCookies,
      policies: options.throttle,
    }),
    version,
    sessionBudgetUsd: env.SESSION_BUDGET_USD,
    mediaUrl: (key) => storage.urlFor(key),
    deleteMedia: async (prefix) => {
      await storage.deletePrefix(prefix);
    },
    pipeline,
  };
  return {
    api,
    conn,
    storage,
    pipeline,
    close: async () => {
      await pipeline.stop();
      if (owned) await conn.close();
    },
  };
}
