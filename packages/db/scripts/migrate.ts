import { openDatabase } from "../src/client";
import { readDbEnv } from "../src/env";
import { migrateDatabase } from "../src/migrate";

const env = readDbEnv();
const conn = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
await migrateDatabase(conn);
await conn.close();
console.log(`Migrated ${conn.driver === "pg" ? "PostgreSQL" : `PGlite at ${env.PGLITE_DIR}`}.`);
