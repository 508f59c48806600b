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

/**
 * A new, empty database (no migrations) on the PostgreSQL server of `serverUrl`, for tests
 * whose own processes migrate it (several at once, as on a first start).
 */
export async function createEmptyDatabase(serverUrl: string, prefix = "adgen_test") {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  return {
    url: withDatabase(serverUrl, name),
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
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

export interface HeldRowLock {
  /** Resolves once `count` statements of other connections wait for a lock in this database. */
  waitForWaiters: (count: number, timeoutMs?: number) => Promise<void>;
  /** Ends the transaction that holds the lock. */
  release: () => Promise<void>;
}

/**
 * PostgreSQL only: locks one session row from a connection of its own, as a slow writer
 * would. Reads go on; writes to the row wait. Concurrent requests therefore all get past
 * their checks and meet at their first write, which is what a race test needs to prove that
 * the write itself (not the check before it) lets only one through.
 */
export async function holdSessionRowLock(url: string, sessionId: string): Promise<HeldRowLock> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("begin");
  await client.query("select id from sessions where id = $1 for update", [sessionId]);
  return {
    async waitForWaiters(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const { rows } = await client.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`,
        );
        if ((rows[0]?.n ?? 0) >= count) return;
        if (Date.now() > deadline) throw new Error(`fewer than ${count} statements waited`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async release() {
      await client.query("commit");
      await client.end();
    },
  };
}
