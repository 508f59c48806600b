import { createTestDatabase, type TestDatabase } from "@adgen/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USER, removeDemoUser, seedDemoUser } from "./seed";
import { createAuthService } from "./service";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.drop());

describe("the demo account", () => {
  it("is removed at a production start when it still has the demo password", async () => {
    const auth = createAuthService(testDb.conn.db, { secureCookies: false });
    expect(await seedDemoUser(testDb.conn.db)).toBe("created");
    const { token } = await auth.login(DEMO_USER, { address: "10.0.0.1" });

    expect(await removeDemoUser(testDb.conn.db)).toBe("removed");
    await expect(auth.login(DEMO_USER, { address: "10.0.0.1" })).rejects.toMatchObject({
      code: "INVALID_CREDENTIALS",
    });
    // Its open sessions went with it.
    expect(await auth.validateToken(token)).toBeNull();
    expect(await removeDemoUser(testDb.conn.db)).toBe("absent");
  });

  it("leaves a real account with that email and its own password alone", async () => {
    const auth = createAuthService(testDb.conn.db, { secureCookies: false });
    const own = { email: DEMO_USER.email, password: "a real password" };
    await auth.signup(own, { address: "10.0.0.2" });
    expect(await removeDemoUser(testDb.conn.db)).toBe("absent");
    expect((await auth.login(own, { address: "10.0.0.2" })).user.email).toBe(DEMO_USER.email);
  });
});
