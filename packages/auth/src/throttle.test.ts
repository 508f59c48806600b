import { createHash } from "node:crypto";
import { listAuthSessionIds, listThrottleKeysContaining } from "@adgen/db";
import { createTestDatabase, type TestDatabase } from "@adgen/db/testing";
import { loginInput, signupInput } from "@adgen/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthError } from "./errors";
import { createAuthService, type AuthService } from "./service";
import { THROTTLE_POLICIES, pruneThrottle } from "./throttle";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.drop());

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const PASSWORD = "right-password";
const unique = () => `throttle-${Math.random().toString(36).slice(2)}@example.com`;
let addressCounter = 0;
/** A fresh address per call, so tests do not share per-address counters. */
const newAddress = () => `10.${Math.floor(addressCounter / 250) % 250}.${addressCounter++ % 250}.7`;

/**
 * A service with a fake clock and a password check that counts how many attempts reach it.
 * The check compares in memory; the real Argon2id is exercised by service.test.ts.
 */
function harness(start = Date.UTC(2030, 0, 1)) {
  let now = start;
  const counter = { verified: 0 };
  const auth = createAuthService(testDb.conn.db, {
    secureCookies: false,
    now: () => new Date(now),
    passwords: {
      hash: async (password) => `fake:${password}`,
      verify: async (hash, password) => {
        counter.verified++;
        return hash !== null && hash === `fake:${password}`;
      },
    },
  });
  return {
    auth,
    counter,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

async function signup(auth: AuthService, email = unique()) {
  const signedIn = await auth.signup(signupInput.parse({ email, password: PASSWORD }), {
    address: newAddress(),
  });
  expect(signedIn.user.email).toBe(email);
  return email;
}

/** What one log-in attempt ended as: the session's user id, or the error's code and detail. */
async function attempt(auth: AuthService, email: string, password: string, address?: string) {
  try {
    const signedIn = await auth.login(loginInput.parse({ email, password }), { address });
    return { code: "OK" as const, userId: signedIn.user.id };
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    return { code: error.code, message: error.message, retryAfter: error.retryAfterSeconds };
  }
}

function tally(results: { code: string }[]) {
  const counts: Record<string, number> = {};
  for (const r of results) counts[r.code] = (counts[r.code] ?? 0) + 1;
  return counts;
}

const free = THROTTLE_POLICIES.loginPair.freeAttempts;

describe("session tokens", () => {
  it("stores only the SHA-256 of the token; a stored id is not a usable token", async () => {
    const { auth } = harness();
    const email = await signup(auth);
    const signedIn = await auth.login(loginInput.parse({ email, password: PASSWORD }));
    const ids = await listAuthSessionIds(testDb.conn.db, signedIn.user.id);
    const hashed = createHash("sha256").update(signedIn.token).digest("hex");
    expect(ids).toContain(hashed);
    expect(ids).not.toContain(signedIn.token);
    expect(signedIn.session.id).toBe(hashed);
    expect(signedIn.cookie).toContain(`adgen_session=${signedIn.token};`);
    expect((await auth.validateToken(signedIn.token))?.user.id).toBe(signedIn.user.id);
    for (const id of ids) expect(await auth.validateToken(id)).toBeNull();
    await auth.logout(signedIn.session.id);
    expect(await auth.validateToken(signedIn.token)).toBeNull();
  });
});

describe("log-in throttling", () => {
  it("lets at most the free attempts of a concurrent burst reach the password check", async () => {
    const { auth, counter } = harness();
    const email = await signup(auth);
    const address = newAddress();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => attempt(auth, email, `guess-${i}`, address)),
    );
    const counts = tally(results);
    expect(counts).toEqual({ INVALID_CREDENTIALS: free, THROTTLED: 50 - free });
    expect(counter.verified).toBe(free);
  });

  it("grows the delay from 1 second, doubling up to 15 minutes", async () => {
    const { auth, advance } = harness();
    const email = await signup(auth);
    const address = newAddress();
    for (let i = 0; i < free; i++) {
      expect((await attempt(auth, email, "wrong", address)).code).toBe("INVALID_CREDENTIALS");
    }
    const waits: number[] = [];
    for (let i = 0; i < 13; i++) {
      const refused = await attempt(auth, email, "wrong", address);
      expect(refused.code).toBe("THROTTLED");
      waits.push(refused.retryAfter!);
      advance(refused.retryAfter! * SECOND - 1);
      expect((await attempt(auth, email, "wrong", address)).code).toBe("THROTTLED");
      advance(1);
      expect((await attempt(auth, email, "wrong", address)).code).toBe("INVALID_CREDENTIALS");
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900]);
    const refused = await attempt(auth, email, "wrong", address);
    expect(refused.message).toBe("Too many failed log-ins. Try again in 15 minutes.");
    advance(14 * MINUTE + 59 * SECOND);
    expect((await attempt(auth, email, "wrong", address)).message).toBe(
      "Too many failed log-ins. Try again in 1 second.",
    );
  });

  it("does not lock the owner out from their own address after failures elsewhere", async () => {
    const { auth } = harness();
    const email = await signup(auth);
    const attacker = newAddress();
    for (let i = 0; i < free; i++) {
      expect((await attempt(auth, email, `guess-${i}`, attacker)).code).toBe("INVALID_CREDENTIALS");
    }
    expect((await attempt(auth, email, PASSWORD, attacker)).code).toBe("THROTTLED");
    expect((await attempt(auth, email, PASSWORD, newAddress())).code).toBe("OK");
    // The owner's success does not clear the attacker's back-off.
    expect((await attempt(auth, email, "guess", attacker)).code).toBe("THROTTLED");
  });

  it("clears the back-off of the account and address that logged in", async () => {
    const { auth, advance } = harness();
    const email = await signup(auth);
    const address = newAddress();
    for (let i = 0; i < free; i++) await attempt(auth, email, `typo-${i}`, address);
    advance(SECOND);
    expect((await attempt(auth, email, PASSWORD, address)).code).toBe("OK");
    for (let i = 0; i < free; i++) {
      expect((await attempt(auth, email, `typo-${i}`, address)).code).toBe("INVALID_CREDENTIALS");
    }
  });

  it("limits one address's failures across many accounts", async () => {
    const { auth, counter, advance } = harness();
    const { limit } = THROTTLE_POLICIES.loginAddress;
    const address = newAddress();
    const owner = await signup(auth);
    const results = await Promise.all(
      Array.from({ length: limit + 20 }, () => attempt(auth, unique(), "nope", address)),
    );
    expect(tally(results)).toEqual({ INVALID_CREDENTIALS: limit, THROTTLED: 20 });
    expect(counter.verified).toBe(limit);
    const refused = await attempt(auth, owner, PASSWORD, address);
    expect(refused).toMatchObject({
      code: "THROTTLED",
      message: "Too many failed log-ins. Try again in 15 minutes.",
    });
    expect((await attempt(auth, unique(), "nope", newAddress())).code).toBe("INVALID_CREDENTIALS");
    advance(15 * MINUTE);
    expect((await attempt(auth, owner, PASSWORD, address)).code).toBe("OK");
  });

  it("bounds a distributed attack on one account with a slower ceiling", async () => {
    const { auth, counter, advance } = harness();
    const { limit } = THROTTLE_POLICIES.loginAccount;
    const email = await signup(auth);
    const results = await Promise.all(
      Array.from({ length: limit + 10 }, () => attempt(auth, email, "nope", newAddress())),
    );
    expect(tally(results)).toEqual({ INVALID_CREDENTIALS: limit, THROTTLED: 10 });
    expect(counter.verified).toBe(limit);
    expect((await attempt(auth, email, PASSWORD, newAddress())).message).toBe(
      "Too many failed log-ins. Try again in 60 minutes.",
    );
    advance(60 * MINUTE);
    expect((await attempt(auth, email, PASSWORD, newAddress())).code).toBe("OK");
  });

  it("does not let a success in the middle of a burst reset the ceilings", async () => {
    const { auth } = harness();
    const accountLimit = THROTTLE_POLICIES.loginAccount.limit;
    const addressLimit = THROTTLE_POLICIES.loginAddress.limit;

    // Per account: failures from many addresses with the owner's log-ins in between.
    const email = await signup(auth);
    const ownerAddress = newAddress();
    const burst = await Promise.all(
      Array.from({ length: accountLimit + 10 }, (_, i) =>
        i % 10 === 5
          ? attempt(auth, email, PASSWORD, ownerAddress)
          : attempt(auth, email, "nope", newAddress()),
      ),
    );
    let failures = tally(burst).INVALID_CREDENTIALS ?? 0;
    while (failures < accountLimit) {
      expect((await attempt(auth, email, "nope", newAddress())).code).toBe("INVALID_CREDENTIALS");
      failures++;
    }
    expect((await attempt(auth, email, "nope", newAddress())).code).toBe("THROTTLED");

    // Per address: failures on many accounts with a success from the same address in between.
    const address = newAddress();
    const own = await signup(auth);
    const mixed = await Promise.all(
      Array.from({ length: addressLimit + 10 }, (_, i) =>
        i % 20 === 10
          ? attempt(auth, own, PASSWORD, address)
          : attempt(auth, unique(), "x", address),
      ),
    );
    failures = tally(mixed).INVALID_CREDENTIALS ?? 0;
    while (failures < addressLimit) {
      expect((await attempt(auth, unique(), "x", address)).code).toBe("INVALID_CREDENTIALS");
      failures++;
    }
    expect((await attempt(auth, unique(), "x", address)).code).toBe("THROTTLED");
  });

  it("does not spend the address's or account's allowance on refused attempts", async () => {
    const { auth } = harness();
    const email = await signup(auth);
    const address = newAddress();
    const hammer = await Promise.all(
      Array.from({ length: 200 }, () => attempt(auth, email, "nope", address)),
    );
    expect(tally(hammer)).toEqual({ INVALID_CREDENTIALS: free, THROTTLED: 200 - free });
    const accountLeft = THROTTLE_POLICIES.loginAccount.limit - free;
    const others = await Promise.all(
      Array.from({ length: accountLeft }, () => attempt(auth, email, "nope", newAddress())),
    );
    expect(tally(others)).toEqual({ INVALID_CREDENTIALS: accountLeft });
    expect((await attempt(auth, email, "nope", newAddress())).code).toBe("THROTTLED");
    const addressLeft = THROTTLE_POLICIES.loginAddress.limit - free;
    const spray = await Promise.all(
      Array.from({ length: addressLeft }, () => attempt(auth, unique(), "nope", address)),
    );
    expect(tally(spray)).toEqual({ INVALID_CREDENTIALS: addressLeft });
    expect((await attempt(auth, unique(), "nope", address)).code).toBe("THROTTLED");
  });

  it("throttles callers without an address as one shared address", async () => {
    const { auth } = harness();
    const email = await signup(auth);
    for (let i = 0; i < free; i++) {
      expect((await attempt(auth, email, `guess-${i}`)).code).toBe("INVALID_CREDENTIALS");
    }
    expect((await attempt(auth, email, PASSWORD)).code).toBe("THROTTLED");
    expect((await attempt(auth, email, PASSWORD, newAddress())).code).toBe("OK");
  });
});

describe("sign-up throttling", () => {
  it("allows a limited number of sign-ups per address per hour", async () => {
    const { auth, advance } = harness();
    const { limit } = THROTTLE_POLICIES.signupAddress;
    const address = newAddress();
    const results = await Promise.all(
      Array.from({ length: limit + 5 }, () =>
        auth.signup(signupInput.parse({ email: unique(), password: PASSWORD }), { address }).then(
          () => "OK",
          (e: AuthError) => e.code,
        ),
      ),
    );
    expect(tally(results.map((code) => ({ code })))).toEqual({ OK: limit, THROTTLED: 5 });
    const refused = auth.signup(signupInput.parse({ email: unique(), password: PASSWORD }), {
      address,
    });
    await expect(refused).rejects.toMatchObject({
      code: "THROTTLED",
      message: "Too many sign-ups from this address. Try again in 60 minutes.",
    });
    await signup(auth);
    advance(60 * MINUTE);
    await auth.signup(signupInput.parse({ email: unique(), password: PASSWORD }), { address });
  });
});

describe("pruning", () => {
  it("removes only rows whose state has expired", async () => {
    const { auth, advance } = harness(Date.UTC(2031, 0, 1));
    const email = await signup(auth);
    const address = newAddress();
    await attempt(auth, email, "wrong", address);
    const keys = async () => (await listThrottleKeysContaining(testDb.conn.db, email)).length;
    expect(await keys()).toBeGreaterThan(0);
    advance(2 * 60 * MINUTE);
    await pruneThrottle(testDb.conn.db, new Date(Date.UTC(2031, 0, 1, 2)));
    // The account+address back-off is remembered for a day; the hourly ceiling is gone.
    expect(await keys()).toBe(1);
    await pruneThrottle(testDb.conn.db, new Date(Date.UTC(2031, 0, 2, 1)));
    expect(await keys()).toBe(0);
  });
});
