import { and, eq, lt, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { authSessions, loginThrottle, users } from "../schema/index";

/*
 * Throttle counters (table `login_throttle`). Each function is one statement, so that
 * concurrent attempts on different connections or processes are counted exactly: the
 * upserts lock the row and return the state they wrote.
 */

const at = (date: Date): SQL => sql`${date.toISOString()}::timestamptz`;
const plusMs = (date: Date, ms: SQL | number): SQL =>
  sql`(${at(date)} + (${ms})::double precision * interval '1 millisecond')`;

export interface WindowCount {
  /** Attempts counted in the window, this one included. */
  attempts: number;
  windowStartedAt: Date;
  /** When the window ends. */
  expiresAt: Date;
}

/**
 * Counts one attempt in a fixed window of `windowMs`: the first attempt after the
 * window has ended starts a new one. The caller compares `attempts` with its limit.
 */
export async function countThrottleWindow(
  db: Database,
  key: string,
  windowMs: number,
  now: Date,
): Promise<WindowCount> {
  const t = loginThrottle;
  const expired = sql`${t.expiresAt} <= ${at(now)}`;
  const [row] = await db
    .insert(t)
    .values({
      key,
      failures: 1,
      windowStartedAt: now,
      lockedUntil: null,
      lastCounted: true,
      expiresAt: new Date(now.getTime() + windowMs),
    })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        failures: sql`case when ${expired} then 1 else ${t.failures} + 1 end`,
        windowStartedAt: sql`case when ${expired} then ${at(now)} else ${t.windowStartedAt} end`,
        lockedUntil: null,
        lastCounted: true,
        expiresAt: sql`case when ${expired} then ${plusMs(now, windowMs)} else ${t.expiresAt} end`,
      },
    })
    .returning({
      attempts: t.failures,
      windowStartedAt: t.windowStartedAt,
      expiresAt: t.expiresAt,
    });
  if (!row) throw new Error("login_throttle upsert returned no row");
  return row;
}

export interface BackoffParams {
  /** Attempts counted without any wait. */
  freeAttempts: number;
  /** The wait after the last free attempt; it doubles with each further attempt. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** A streak with no counted attempt for this long starts afresh. */
  forgetAfterMs: number;
}

export interface BackoffCount {
  /** False when the attempt came before `lockedUntil` and was not counted. */
  counted: boolean;
  /** Attempts counted in the streak, this one included when counted. */
  attempts: number;
  /** No further attempt is counted before this. */
  lockedUntil: Date;
}

/**
 * Counts one attempt under exponential back-off: after the n-th counted attempt the next
 * one must wait 0 while n < freeAttempts, else firstDelay · 2^(n − freeAttempts), capped
 * at maxDelay. An attempt that comes too early is refused and changes nothing.
 */
export async function countThrottleBackoff(
  db: Database,
  key: string,
  params: BackoffParams,
  now: Date,
): Promise<BackoffCount> {
  const t = loginThrottle;
  const delay = (n: SQL | number): SQL =>
    sql`(case when (${n}) < ${params.freeAttempts}::integer then 0::double precision
      else least(${params.firstDelayMs}::double precision
        * power(2, least((${n}) - ${params.freeAttempts}::integer, 40)),
        ${params.maxDelayMs}::double precision) end)`;
  const expired = sql`${t.expiresAt} <= ${at(now)}`;
  const open = sql`(${t.lockedUntil} is null or ${t.lockedUntil} <= ${at(now)})`;
  const counted = sql`(${expired} or ${open})`;
  const lockedUntil = sql`case when ${expired} then ${plusMs(now, delay(1))}
    when ${open} then ${plusMs(now, delay(sql`${t.failures} + 1`))}
    else ${t.lockedUntil} end`;
  const [row] = await db
    .insert(t)
    .values({
      key,
      failures: 1,
      windowStartedAt: now,
      lockedUntil: plusMs(now, delay(1)),
      lastCounted: true,
      expiresAt: sql`greatest(${plusMs(now, params.forgetAfterMs)}, ${plusMs(now, delay(1))})`,
    })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        failures: sql`case when ${expired} then 1 when ${open} then ${t.failures} + 1
          else ${t.failures} end`,
        windowStartedAt: sql`case when ${expired} then ${at(now)} else ${t.windowStartedAt} end`,
        lockedUntil,
        lastCounted: counted,
        expiresAt: sql`case when ${counted}
          then greatest(${plusMs(now, params.forgetAfterMs)}, ${lockedUntil})
          else ${t.expiresAt} end`,
      },
    })
    .returning({ counted: t.lastCounted, attempts: t.failures, lockedUntil: t.lockedUntil });
  if (!row?.lockedUntil) throw new Error("login_throttle upsert returned no row");
  return { counted: row.counted, attempts: row.attempts, lockedUntil: row.lockedUntil };
}

/**
 * Takes back one attempt counted by `countThrottleWindow` (it succeeded, or another
 * policy refused it). A window that has been replaced since keeps its count.
 */
export async function refundThrottleAttempt(
  db: Database,
  key: string,
  windowStartedAt: Date,
): Promise<void> {
  await db
    .update(loginThrottle)
    .set({ failures: sql`greatest(${loginThrottle.failures} - 1, 0)` })
    .where(and(eq(loginThrottle.key, key), eq(loginThrottle.windowStartedAt, windowStartedAt)));
}

/** Forgets one counter entirely. */
export async function clearThrottleKey(db: Database, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}

/** Deletes the counters that expired before `olderThan`; returns how many. */
export async function deleteExpiredThrottleRows(db: Database, olderThan: Date): Promise<number> {
  const deleted = await db
    .delete(loginThrottle)
    .where(lt(loginThrottle.expiresAt, olderThan))
    .returning({ key: loginThrottle.key });
  return deleted.length;
}

/** Throttle keys that contain `text` (a policy's subject, such as an email). */
export async function listThrottleKeysContaining(db: Database, text: string): Promise<string[]> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .select({ key: loginThrottle.key })
    .from(loginThrottle)
    .where(sql`${loginThrottle.key} like ${pattern}`);
  return rows.map((r) => r.key);
}

/*
 * Users and their log-in sessions. Lucia reads and writes `auth_sessions` through its own
 * adapter (packages/auth/src/lucia.ts); these are the other statements on them.
 */

export type UserRow = typeof users.$inferSelect;

/** Emails are stored as given at sign-up (the input schema lower-cases them). */
export async function findUserByEmail(db: Database, email: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row ?? null;
}

/** Adds a user; a taken email raises PostgreSQL's unique violation (23505). */
export async function insertUser(
  db: Database,
  values: { id: string; email: string; passwordHash: string },
): Promise<void> {
  await db.insert(users).values(values);
}

/** Adds a user unless the id or email is taken; says whether it did. */
export async function insertUserIfAbsent(
  db: Database,
  values: { id: string; email: string; passwordHash: string },
): Promise<boolean> {
  const inserted = await db
    .insert(users)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: users.id });
  return inserted.length > 0;
}

/** Removes a user; their log-in sessions and ads go with them (foreign keys cascade). */
export async function deleteUser(db: Database, userId: string): Promise<void> {
  await db.delete(users).where(eq(users.id, userId));
}

/** The stored ids of a user's log-in sessions (SHA-256 of their tokens). */
export async function listAuthSessionIds(db: Database, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: authSessions.id })
    .from(authSessions)
    .where(eq(authSessions.userId, userId));
  return rows.map((r) => r.id);
}
