import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { stageEnum } from "./enums";
import { sessions } from "./sessions";

/** The cost ledger: one line per model call, successful or not. */
export const generationCosts = pgTable(
  "generation_costs",
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    stage: stageEnum().notNull(),
    agent: text().notNull(),
    model: text().notNull(),
    costMicros: bigint({ mode: "number" }).notNull(),
    durationMs: integer().notNull(),
    success: boolean().notNull(),
    error: text(),
    /** Same meaning as `assets.work_key`: one charge per unit of work. */
    workKey: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("generation_costs_session_idx").on(t.sessionId, t.createdAt),
    // A unit of work is charged once when it succeeds; failed attempts each keep their line.
    uniqueIndex("generation_costs_success_work_key_unique")
      .on(t.sessionId, t.workKey)
      .where(sql`${t.success} and ${t.workKey} is not null`),
  ],
);
