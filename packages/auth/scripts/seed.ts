import { migrateDatabase, openDatabase, readDbEnv } from "@adgen/db";
import { DEMO_USER, seedDemoUser } from "../src/seed";

const env = readDbEnv();
const conn = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
await migrateDatabase(conn);
const result = await seedDemoUser(conn.db);
await conn.close();
console.log(`Demo user ${DEMO_USER.email} ${result === "created" ? "created" : "already exists"}.`);
