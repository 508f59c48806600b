import { readFileSync } from "node:fs";
import { createAuthService, seedDemoUser } from "@adgen/auth";
import type { ApiServices } from "@adgen/api";
import { migrateDatabase, openDatabase, type DbConnection } from "@adgen/db";
import type { ServerEnv } from "./env";
import type { MediaStore } from "./media-store";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string;
};

export interface ServerServices {
  api: ApiServices;
  conn: DbConnection;
  close: () => Promise<void>;
}

/** Opens and migrates the database, seeds the demo user, and builds what the API needs. */
export async function createServices(
  env: ServerEnv,
  options: {
    databaseUrl?: string;
    pgliteDir?: string;
    media: MediaStore;
    /** An already open connection (tests with in-memory PGlite); the caller closes it. */
    connection?: DbConnection;
  },
): Promise<ServerServices> {
  const owned = !options.connection;
  const conn =
    options.connection ?? (await openDatabase({ databaseUrl: options.databaseUrl, pgliteDir: options.pgliteDir }));
  try {
    await migrateDatabase(conn);
    if (env.seedDemoUser) await seedDemoUser(conn.db);
  } catch (error) {
    if (owned) await conn.close();
    throw error;
  }
  const api: ApiServices = {
    db: conn.db,
    auth: createAuthService(conn.db, { secureCookies: env.secureCookies }),
    version,
    sessionBudgetUsd: env.SESSION_BUDGET_USD,
    mediaUrl: (key) => options.media.urlFor(key),
    deleteMedia: async (prefix) => {
      await options.media.deletePrefix(prefix);
    },
  };
  return { api, conn, close: async () => (owned ? conn.close() : undefined) };
}
