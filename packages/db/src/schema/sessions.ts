import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";
import { stageEnum } from "./enums";

/** A generation session: one ad being made, from prompt to final video. */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    stage: stageEnum().notNull().default("created"),
    /** The stage to go back to when the user retries after a failure. */
    lastGoodStage: stageEnum(),
    productPrompt: text(),
    videoPrompt: text(),
    consistencySeed: bigint({ mode: "number" }),
    styleKeywords: jsonb().$type<string[]>().notNull().default([]),
    clipOrder: jsonb().$type<string[]>().notNull().default([]),
    finalVideoAssetId: uuid(),
    /** Exact money: integer micro-dollars. */
    totalCostMicros: bigint({ mode: "number" }).notNull().default(0),
    budgetMicros: bigint({ mode: "number" }).notNull(),
    error: text(),
    /** Bumped on every change; lets clients and jobs detect concurrent edits. */
    version: integer().notNull().default(0),
    /** Millisecond precision so a JavaScript Date can be a lossless page cursor. */
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => sql`now()`),
  },
  (t) => [index("sessions_user_created_idx").on(t.userId, t.createdAt.desc(), t.id.desc())],
);
