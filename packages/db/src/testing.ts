import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type DbConnection } from "./client";
import { readDbEnv } from "./env";
import { migrateDatabase } from "./migrate";

export interface TestDatabase {
  conn: DbConnection;
  /** The connection string of the fresh database, when on PostgreSQL. */
  url?: string;
  drop: () => Promise<void>;
}

/**
 * A fresh, migrated database for one test file: a new database on the PostgreSQL
 * server named by DATABASE_URL (dropped afterwards), or an in-memory PGlite.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = readDbEnv().DATABASE_URL;
  if (!serverUrl) {
    const conn = await openDatabase({});
    await migrateDatabase(conn);
    return { conn, drop: () => conn.close() };
  }
  const name = `adgen_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabase(serverUrl, name);
  const conn = await openDatabase({ databaseUrl: url, poolSize: 5 });
  await migrateDatabase(conn);
  return {
    conn,
    url,
    drop: async () => {
      await conn.close();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
