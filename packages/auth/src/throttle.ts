import {
  clearThrottleKey,
  countThrottleBackoff,
  countThrottleWindow,
  deleteExpiredThrottleRows,
  refundThrottleAttempt,
  type Database,
} from "@adgen/db";
import { AuthError } from "./errors";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** A hard limit: at most `limit` counted attempts per fixed window. */
export interface WindowPolicy {
  kind: "window";
  limit: number;
  windowMs: number;
}

/** Free attempts, then a wait that doubles with each further attempt. */
export interface BackoffPolicy {
  kind: "backoff";
  freeAttempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /** A streak with no attempt for this long starts afresh; must exceed `maxDelayMs`. */
  forgetAfterMs: number;
}

export interface ThrottlePolicies {
  loginPair: BackoffPolicy;
  loginAddress: WindowPolicy;
  loginAccount: WindowPolicy;
  signupAddress: WindowPolicy;
}

/**
 * Every throttle number, in one place. A log-in attempt is counted by the first three
 * before its password is checked; it is refused when any of them refuses.
 */
export const THROTTLE_POLICIES: ThrottlePolicies = {
  /**
   * One account from one address: what a guesser on one address hits. Five free attempts
   * cover typos and a forgotten caps lock; then 1 s doubling to a 15-minute cap, so that
   * guessing slows to 4 an hour within ~17 minutes while a real user who keeps mistyping
   * waits seconds, not a lock-out. Only this counter is cleared by a successful log-in
   * (the one who succeeded knows the password), and it is remembered for a day so that
   * waiting out the cap does not buy a fresh set of free attempts.
   */
  loginPair: {
    kind: "backoff",
    freeAttempts: 5,
    firstDelayMs: SECOND,
    maxDelayMs: 15 * MINUTE,
    forgetAfterMs: 24 * HOUR,
  },
  /**
   * One address across all accounts: stops spraying common passwords over many emails.
   * 100 failures per 15 minutes leaves room for an office or carrier NAT where many
   * people share one address; a successful log-in does not count.
   */
  loginAddress: { kind: "window", limit: 100, windowMs: 15 * MINUTE },
  /**
   * One account across all addresses: bounds a distributed attack (a botnet gets 50
   * guesses an hour, ~1,200 a day, at any one account). It is ten times the free attempts
   * and hourly, so one attacker's failures never lock the owner out — only many
   * addresses together can, and then for at most an hour.
   */
  loginAccount: { kind: "window", limit: 50, windowMs: HOUR },
  /**
   * Accounts created from one address: a family or a class signing up together fits in 10
   * an hour; scripted mass sign-up (spam, abuse of the generation budget) does not. Every
   * attempt counts, so probing which emails have accounts is bounded too.
   */
  signupAddress: { kind: "window", limit: 10, windowMs: HOUR },
};

/**
 * The address for callers that cannot tell one. They share one bucket, so a missing
 * address never means "not throttled"; the web server always passes the socket's address.
 */
export const UNKNOWN_ADDRESS = "unknown";

/** Throttle keys: the policy, then its subject as JSON (emails may contain any separator). */
function throttleKey(policy: keyof ThrottlePolicies, ...subject: string[]): string {
  return `${policy}:${JSON.stringify(subject)}`;
}

/** "1 second", "45 seconds", "15 minutes": rounded up so that retrying then succeeds. */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

function throttled(what: "log-in" | "sign-up", until: Date, now: Date): AuthError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / SECOND));
  const message =
    what === "log-in"
      ? `Too many failed log-ins. Try again in ${formatWait(seconds)}.`
      : `Too many sign-ups from this address. Try again in ${formatWait(seconds)}.`;
  return new AuthError("THROTTLED", message, undefined, seconds);
}

export interface LoginAttempt {
  /**
   * Call once the password was right: clears this account+address back-off and takes the
   * attempt back from the address and account ceilings (their other counts stay).
   */
  succeeded(): Promise<void>;
}

/**
 * Counts a log-in attempt against every policy before the password is checked, each in
 * one atomic upsert, and throws THROTTLED when any policy refuses it. An attempt that is
 * refused is taken back from the counters it was added to, so that waiting out a back-off
 * does not use up the address's or the account's allowance; an attempt that goes on to
 * fail stays counted.
 */
export async function beginLoginAttempt(
  db: Database,
  policies: ThrottlePolicies,
  subject: { email: string; address?: string },
  now: Date,
): Promise<LoginAttempt> {
  const address = subject.address?.trim() || UNKNOWN_ADDRESS;
  const counted: { key: string; windowStartedAt: Date }[] = [];
  const refund = () =>
    Promise.all(counted.map((c) => refundThrottleAttempt(db, c.key, c.windowStartedAt)));

  // The hard windows first: a refusal there leaves the back-off untouched.
  for (const [key, policy] of [
    [throttleKey("loginAccount", subject.email), policies.loginAccount],
    [throttleKey("loginAddress", address), policies.loginAddress],
  ] as const) {
    const count = await countThrottleWindow(db, key, policy.windowMs, now);
    counted.push({ key, windowStartedAt: count.windowStartedAt });
    if (count.attempts > policy.limit) {
      await refund();
      throw throttled("log-in", count.expiresAt, now);
    }
  }

  const pairKey = throttleKey("loginPair", subject.email, address);
  const pair = await countThrottleBackoff(db, pairKey, policies.loginPair, now);
  if (!pair.counted) {
    await refund();
    throw throttled("log-in", pair.lockedUntil, now);
  }

  return {
    async succeeded() {
      await clearThrottleKey(db, pairKey);
      await refund();
    },
  };
}

/**
 * Counts a sign-up from `address` before the account is created; throws THROTTLED over
 * the limit. Without an address there is nothing to count by and nothing is counted.
 */
export async function countSignupAttempt(
  db: Database,
  policy: WindowPolicy,
  address: string | undefined,
  now: Date,
): Promise<void> {
  const subject = address?.trim();
  if (!subject) return;
  const count = await countThrottleWindow(
    db,
    throttleKey("signupAddress", subject),
    policy.windowMs,
    now,
  );
  if (count.attempts > policy.limit) throw throttled("sign-up", count.expiresAt, now);
}

/**
 * Deletes throttle rows whose state ended before `olderThan` (their next attempt would
 * start afresh anyway). Safe to run at any time, from any process; returns the count.
 */
export function pruneThrottle(db: Database, olderThan: Date = new Date()): Promise<number> {
  return deleteExpiredThrottleRows(db, olderThan);
}
