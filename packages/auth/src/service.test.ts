import { createTestDatabase, type TestDatabase } from "@adgen/db/testing";
import { loginInput, signupInput } from "@adgen/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthError } from "./errors";
import { DEMO_USER, seedDemoUser } from "./seed";
import { createAuthService, sessionIdFromToken, type AuthService } from "./service";

let testDb: TestDatabase;
let auth: AuthService;

beforeAll(async () => {
  testDb = await createTestDatabase();
  auth = createAuthService(testDb.conn.db, { secureCookies: false });
});
afterAll(() => testDb.drop());

const unique = () => `user-${Math.random().toString(36).slice(2)}@Example.COM`;

/** Signs up through the real Argon2id path and checks that it worked. */
async function signup(email: string, password: string) {
  const signedIn = await auth.signup(signupInput.parse({ email, password }));
  expect(signedIn.user.email).toBe(email.trim().toLowerCase());
  return signedIn;
}

describe("auth service", () => {
  it("signs up with a normalised email and validates the new session token", async () => {
    const email = unique();
    const signedIn = await signup(`  ${email} `, "correct horse");
    expect(signedIn.cookie).toContain(`adgen_session=${signedIn.token};`);
    expect(signedIn.session.id).toBe(sessionIdFromToken(signedIn.token));
    const validated = await auth.validateToken(signedIn.token);
    expect(validated?.user.id).toBe(signedIn.user.id);
    expect(validated?.user.email).toBe(email.toLowerCase());
    expect(await auth.validateToken(signedIn.session.id)).toBeNull();
  });

  it("refuses a duplicate email whatever its case", async () => {
    const email = unique();
    await signup(email, "password-1");
    const again = auth.signup(
      signupInput.parse({ email: email.toUpperCase(), password: "password-2" }),
    );
    await expect(again).rejects.toMatchObject({ code: "EMAIL_TAKEN", field: "email" });
  });

  it("gives one generic error for an unknown email and for a wrong password", async () => {
    const email = unique();
    await signup(email, "right-password");
    const wrong = await auth
      .login(loginInput.parse({ email, password: "wrong-password" }))
      .catch((e) => e);
    const unknown = await auth
      .login(loginInput.parse({ email: unique(), password: "right-password" }))
      .catch((e) => e);
    expect(wrong).toBeInstanceOf(AuthError);
    expect(unknown).toBeInstanceOf(AuthError);
    expect(wrong.message).toBe(unknown.message);
    expect(wrong.code).toBe("INVALID_CREDENTIALS");
    expect(unknown.code).toBe("INVALID_CREDENTIALS");
  });

  it("logs in, then logs out by session id so the token stops working", async () => {
    const email = unique();
    await signup(email, "right-password");
    const signedIn = await auth.login(loginInput.parse({ email, password: "right-password" }));
    const validated = await auth.validateToken(signedIn.token);
    expect(validated?.session.id).toBe(signedIn.session.id);
    await auth.logout(signedIn.session.id);
    expect(await auth.validateToken(signedIn.token)).toBeNull();
  });

  it("backs off after repeated failures (real Argon2id), with a plain message", async () => {
    // A stopped clock: Argon2id's run time must not eat into the 1-second wait.
    const frozen = new Date();
    const auth = createAuthService(testDb.conn.db, { secureCookies: false, now: () => frozen });
    const email = unique();
    await signup(email, "right-password");
    const address = "192.0.2.1";
    for (let i = 0; i < 5; i++) {
      await expect(
        auth.login(loginInput.parse({ email, password: `guess-${i}` }), { address }),
      ).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    }
    const throttled = auth.login(loginInput.parse({ email, password: "right-password" }), {
      address,
    });
    await expect(throttled).rejects.toMatchObject({ code: "THROTTLED", retryAfterSeconds: 1 });
    await expect(throttled).rejects.toThrow("Too many failed log-ins. Try again in 1 second.");
    // The owner, elsewhere, is not locked out by those failures.
    const owner = await auth.login(loginInput.parse({ email, password: "right-password" }), {
      address: "198.51.100.1",
    });
    expect(owner.user.email).toBe(email.toLowerCase());
  });

  it("reads the token from a bearer header before the cookie", async () => {
    expect(auth.readToken({ authorization: "Bearer abc", cookie: "adgen_session=xyz" })).toBe(
      "abc",
    );
    expect(auth.readToken({ cookie: "other=1; adgen_session=xyz" })).toBe("xyz");
    expect(auth.readToken({})).toBeNull();
    // Another app's undecodable cookie on the same host does not hide ours.
    expect(auth.readToken({ cookie: "theme=%E0; adgen_session=xyz" })).toBe("xyz");
    expect(auth.readToken({ cookie: "theme=%E0" })).toBeNull();
  });

  it("seeds the demo user once, and it can log in", async () => {
    expect(await seedDemoUser(testDb.conn.db)).toBe("created");
    expect(await seedDemoUser(testDb.conn.db)).toBe("exists");
    const signedIn = await auth.login(loginInput.parse(DEMO_USER));
    expect(signedIn.user.email).toBe(DEMO_USER.email);
  });
});
