import { bigint, boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sessions } from "./sessions";

/**
 * One attempt of a generation job: pg-boss runs a job again after a crash, a lost heartbeat
 * or a failure, and a worker presumed dead may still be running its attempt. Each attempt
 * holds its own reservations, so a new attempt gives back only what attempts known to be
 * dead (ended, or silent past their lease) had set aside, never what a live one is spending.
 */
export const jobAttempts = pgTable(
  "job_attempts",
  {
    id: uuid().primaryKey(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    runId: uuid().notNull(),
    /** The pg-boss job: its attempts' real failures count against its small failure budget. */
    jobId: text().notNull(),
    /** Money this attempt set aside for its calls in flight (part of `sessions.reserved_micros`). */
    reservedMicros: bigint({ mode: "number" }).notNull().default(0),
    /** Ended by an error of its own (not by a crash or a lost claim). */
    failed: boolean().notNull().default(false),
    /** Refreshed while the attempt runs: older than the lease means its process is gone. */
    aliveAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("job_attempts_session_idx").on(t.sessionId),
    index("job_attempts_job_idx").on(t.jobId),
  ],
);
