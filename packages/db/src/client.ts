import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import * as schema from "./schema/index";

export type Schema = typeof schema;
/** The query surface shared by node-postgres and PGlite: callers never know which one runs. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export type DbConnection =
  | { driver: "pg"; db: Database; pool: pg.Pool; url: string; close: () => Promise<void> }
  | { driver: "pglite"; db: Database; pglite: PGlite; close: () => Promise<void> };

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; when absent, PGlite is used. */
  databaseUrl?: string;
  /** Folder for PGlite's files; absent means in memory (tests). */
  pgliteDir?: string;
  poolSize?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DbConnection> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 10_000,
    });
    // An idle client that loses its server must not crash the process.
    pool.on("error", (err) => console.error("[db] idle client error:", err.message));
    const db = drizzlePg(pool, { schema, casing: "snake_case" }) as unknown as Database;
    return { driver: "pg", db, pool, url: options.databaseUrl, close: () => pool.end() };
  }
  if (options.pgliteDir) await mkdir(options.pgliteDir, { recursive: true });
  const pglite = await PGlite.create(options.pgliteDir);
  const db = drizzlePglite(pglite, { schema, casing: "snake_case" }) as unknown as Database;
  return { driver: "pglite", db, pglite, close: () => pglite.close() };
}
