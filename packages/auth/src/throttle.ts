import { eq, loginThrottle, sql, type Database } from "@adgen/db";
import { AuthError } from "./errors";

export interface ThrottlePolicy {
  /** Failures allowed inside the window before the key is locked. */
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

/** Per email: a handful of guesses. Per address: room for a shared office NAT. */
export const EMAIL_POLICY: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const ADDRESS_POLICY: ThrottlePolicy = { maxFailures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** Refuses the attempt when any of the keys is locked. */
export async function assertNotThrottled(db: Database, keys: string[], now = new Date()): Promise<void> {
  for (const key of keys) {
    const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
    if (row?.lockedUntil && row.lockedUntil > now) {
      const minutes = Math.max(1, Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 60_000));
      throw new AuthError(
        "THROTTLED",
        `Too many failed log-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      );
    }
  }
}

/** Counts one failure atomically (one upsert), locking the key once it passes the policy. */
export async function recordFailure(db: Database, key: string, policy: ThrottlePolicy): Promise<void> {
  const windowStart = sql`now() - make_interval(secs => ${policy.windowMs / 1000})`;
  const lockUntil = sql`now() + make_interval(secs => ${policy.lockMs / 1000})`;
  await db
    .insert(loginThrottle)
    .values({ key, failures: 1 })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then 1 else ${loginThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then now() else ${loginThrottle.windowStartedAt} end`,
        lockedUntil: sql`case when ${loginThrottle.windowStartedAt} >= ${windowStart} and ${loginThrottle.failures} + 1 >= ${policy.maxFailures} then ${lockUntil} else ${loginThrottle.lockedUntil} end`,
      },
    });
}

export async function clearFailures(db: Database, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
