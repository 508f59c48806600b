import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { readDbEnv } from "./env";
import { MIGRATIONS_FOLDER, migrateDatabase } from "./migrate";
import { createEmptyDatabase } from "./testing";

const serverUrl = readDbEnv().DATABASE_URL;

/** Web servers and workers started together each migrate an empty database on their own. */
describe.runIf(Boolean(serverUrl))("migrations started by several processes at once", () => {
  let empty: Awaited<ReturnType<typeof createEmptyDatabase>>;
  let url: string;

  beforeAll(async () => {
    empty = await createEmptyDatabase(serverUrl ?? "");
    url = empty.url;
  });
  afterAll(() => empty.drop());

  it("all succeed and apply each migration once", async () => {
    // Separate pools, as separate processes would have.
    const conns = await Promise.all(
      Array.from({ length: 6 }, () => openDatabase({ databaseUrl: url, poolSize: 2 })),
    );
    try {
      const results = await Promise.allSettled(conns.map((conn) => migrateDatabase(conn)));
      const failures = results.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
      expect(failures).toEqual([]);

      const journal = JSON.parse(
        readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"),
      ) as { entries: unknown[] };
      const first = conns[0];
      if (first?.driver !== "pg") throw new Error("expected PostgreSQL");
      const applied = await first.pool.query<{ n: number }>(
        "select count(*)::int as n from drizzle.__drizzle_migrations",
      );
      expect(applied.rows[0]?.n).toBe(journal.entries.length);
      // The lock is given back: nobody holds it once every migration returned.
      const held = await first.pool.query<{ n: number }>(
        `select count(*)::int as n from pg_locks
          where locktype = 'advisory'
            and database = (select oid from pg_database where datname = current_database())`,
      );
      expect(held.rows[0]?.n).toBe(0);
    } finally {
      await Promise.all(conns.map((conn) => conn.close()));
    }
  });
});
