import {
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const timestamptz = () => timestamp({ withTimezone: true, mode: "date" });

export const users = pgTable(
  "users",
  {
    id: text().primaryKey(),
    email: text().notNull(),
    passwordHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email)],
);

/** Lucia's session table: Lucia v3 requires these exact columns. */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId)],
);

/**
 * Throttle counters for log-in and sign-up (see packages/auth/src/throttle.ts), keyed by
 * policy and subject, e.g. `login-pair:["a@b.c","10.0.0.1"]`. Kept in the database so every
 * web process sees the same count; each row is changed by one atomic upsert.
 */
export const loginThrottle = pgTable(
  "login_throttle",
  {
    key: text().primaryKey(),
    /**
     * Attempts counted in the current window or back-off streak. An attempt is counted
     * before the password is checked and refunded only when it succeeds or is refused.
     */
    failures: integer().notNull().default(0),
    /** Start of the current window (or streak). */
    windowStartedAt: timestamptz().notNull().defaultNow(),
    /** Back-off: no further attempt is counted before this time. Null for fixed windows. */
    lockedUntil: timestamptz(),
    /** Whether the latest upsert counted its attempt (false: it was refused). */
    lastCounted: boolean().notNull().default(true),
    /** After this the row holds no state: the next attempt starts afresh, pruning may delete it. */
    expiresAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [index("login_throttle_expires_idx").on(t.expiresAt)],
);
