import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { migrateDatabase } from "./migrate";
import { users } from "./schema/index";

describe("embedded PGlite on disk", () => {
  it("migrates once, keeps data across restarts, and migrating again is a no-op", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "adgen-pglite-"));
    try {
      const first = await openDatabase({ pgliteDir: dir });
      expect(first.driver).toBe("pglite");
      await migrateDatabase(first);
      await first.db
        .insert(users)
        .values({ id: "u1", email: "kept@example.com", passwordHash: "x" });
      await first.close();

      const second = await openDatabase({ pgliteDir: dir });
      await migrateDatabase(second);
      const rows = await second.db.select().from(users);
      expect(rows.map((r) => r.email)).toEqual(["kept@example.com"]);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
