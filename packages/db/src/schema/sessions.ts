import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { LastRequest, SessionPlan } from "@adgen/schemas";
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
    /**
     * The generation run in progress or last run: jobs carry it, and a job whose run is no
     * longer current does nothing (a regenerate superseded it).
     */
    currentRunId: uuid(),
    /**
     * The attempt (a row of `job_attempts`) that owns the current run: when pg-boss starts
     * the job again, the new attempt takes over and an older one still running stops.
     */
    currentAttemptId: uuid(),
    /**
     * What the running or last step was asked for, so "try again" can repeat it. Read it
     * with `parseLastRequest`, which checks the stored shape.
     */
    lastRequest: jsonb().$type<LastRequest>(),
    /**
     * Agent outputs the later steps reuse: the parsed prompt, the scene plan. Read it with
     * `parsePlan`, which checks the stored shape.
     */
    plan: jsonb().$type<SessionPlan>().notNull().default({}),
    /** Exact money: integer micro-dollars. */
    totalCostMicros: bigint({ mode: "number" }).notNull().default(0),
    budgetMicros: bigint({ mode: "number" }).notNull(),
    /** Money set aside for calls in flight, so parallel calls cannot pass the cap together. */
    reservedMicros: bigint({ mode: "number" }).notNull().default(0),
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
