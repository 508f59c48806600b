import { randomBytes } from "node:crypto";
import { withDatabase } from "@adgen/db/testing";
import pg from "pg";

/** A new empty database on the PostgreSQL server of `serverUrl`; the server migrates it. */
export async function createScratchDatabase(serverUrl: string) {
  const name = `adgen_bench_${randomBytes(4).toString("hex")}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  return {
    url: withDatabase(serverUrl, name),
    drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
