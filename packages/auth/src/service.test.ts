import { createTestDatabase, type TestDatabase } from "@adgen/db/testing";
import { loginInput, signupInput } from "@adgen/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthError } from "./errors";
import { DEMO_USER, seedDemoUser } from "./seed";
import { createAuthService, type AuthService } from "./service";

let testDb: TestDatabase;
let auth: AuthService;

beforeAll(async () => {
  testDb = await createTestDatabase();
  auth = createAuthService(testDb.conn.db, { secureCookies: false });
});
afterAll(() => testDb.drop());

const unique = () => `user-${Math.random().toString(36).slice(2)}@Example.COM`;

describe("auth service", () => {
  it("signs up with a normalised email and validates the new session token", async () => {
    const email = unique();
    const signedIn = await auth.signup(signupInput.parse({ email: `  ${email} `, password: "correct horse" }));
    expect(signedIn.user.email).toBe(email.toLowerCase());
    expect(signedIn.cookie).toContain("adgen_session=");
    const validated = await auth.validateToken(signedIn.session.id);
    expect(validated?.user.id).toBe(signedIn.user.id);
    expect(validated?.user.email).toBe(email.toLowerCase());
  });

  it("refuses a duplicate email whatever its case", async () => {
    const email = unique();
    await auth.signup(signupInput.parse({ email, password: "password-1" }));
    const again = auth.signup(signupInput.parse({ email: email.toUpperCase(), password: "password-2" }));
    await expect(again).rejects.toMatchObject({ code: "EMAIL_TAKEN", field: "email" });
  });

  it("gives one generic error for an unknown email and for a wrong password", async () => {
    const email = unique();
    await auth.signup(signupInput.parse({ email, password: "right-password" }));
    const wrong = await auth.login(loginInput.parse({ email, password: "wrong-password" })).catch((e) => e);
    const unknown = await auth
      .login(loginInput.parse({ email: unique(), password: "right-password" }))
      .catch((e) => e);
    expect(wrong).toBeInstanceOf(AuthError);
    expect(unknown).toBeInstanceOf(AuthError);
    expect(wrong.message).toBe(unknown.message);
    expect(wrong.code).toBe("INVALID_CREDENTIALS");
  });

  it("logs in, then logs out so the token stops working", async () => {
    const email = unique();
    await auth.signup(signupInput.parse({ email, password: "right-password" }));
    const signedIn = await auth.login(loginInput.parse({ email, password: "right-password" }));
    expect(await auth.validateToken(signedIn.session.id)).not.toBeNull();
    await auth.logout(signedIn.session.id);
    expect(await auth.validateToken(signedIn.session.id)).toBeNull();
  });

  it("locks an email after repeated failures, even for the right password", async () => {
    const email = unique();
    await auth.signup(signupInput.parse({ email, password: "right-password" }));
    for (let i = 0; i < 5; i++) {
      await expect(auth.login(loginInput.parse({ email, password: `guess-${i}` }))).rejects.toMatchObject({
        code: "INVALID_CREDENTIALS",
      });
    }
    const locked = auth.login(loginInput.parse({ email, password: "right-password" }));
    await expect(locked).rejects.toMatchObject({ code: "THROTTLED" });
    await expect(locked).rejects.toThrow(/Too many failed log-ins\. Try again in 15 minutes/);
  });

  it("locks an address that guesses across many emails", async () => {
    const address = `10.0.0.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < 30; i++) {
      await auth.login(loginInput.parse({ email: unique(), password: "nope" }), { address }).catch(() => {});
    }
    await expect(
      auth.login(loginInput.parse({ email: unique(), password: "nope" }), { address }),
    ).rejects.toMatchObject({ code: "THROTTLED" });
  });

  it("reads the token from a bearer header before the cookie", async () => {
    expect(auth.readToken({ authorization: "Bearer abc", cookie: "adgen_session=xyz" })).toBe("abc");
    expect(auth.readToken({ cookie: "other=1; adgen_session=xyz" })).toBe("xyz");
    expect(auth.readToken({})).toBeNull();
  });

  it("seeds the demo user once, and it can log in", async () => {
    expect(await seedDemoUser(testDb.conn.db)).toBe("created");
    expect(await seedDemoUser(testDb.conn.db)).toBe("exists");
    const signedIn = await auth.login(loginInput.parse(DEMO_USER));
    expect(signedIn.user.email).toBe(DEMO_USER.email);
  });
});
