import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { stageEnum } from "./enums";
import { sessions } from "./sessions";

/** Where a cost line is in its call's life (see `status`). */
export const COST_STATUSES = ["pending", "charged", "failed", "not_kept", "interrupted"] as const;
export const costStatusEnum = pgEnum("cost_status", COST_STATUSES);

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
    /**
     * `pending` while its call runs (written before the call, so a kill cannot lose a paid
     * call), then `charged`, `failed`, `not_kept` (paid, output thrown away) or `interrupted`
     * (its attempt died mid-call: charged at its estimate until settled).
     */
    status: costStatusEnum().notNull().default("charged"),
    /** The attempt that made the call; finds its pending line. */
    attemptId: uuid(),
    /** What was reserved for the call: an unsettled interrupted line is charged this much. */
    estimateMicros: bigint({ mode: "number" }).notNull().default(0),
    /**
     * What the provider billed the call for (Replicate predictions), written as each starts:
     * with it, an interrupted line is settled at what was really billed.
     */
    billingRefs: jsonb()
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** When an interrupted line's real cost replaced its estimate. */
    settledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("generation_costs_session_idx").on(t.sessionId, t.createdAt),
    index("generation_costs_pending_idx")
      .on(t.attemptId)
      .where(sql`${t.status} = 'pending'`),
    // A unit of work is charged once when it succeeds; failed attempts each keep their line.
    uniqueIndex("generation_costs_success_work_key_unique")
      .on(t.sessionId, t.workKey)
      .where(sql`${t.success} and ${t.workKey} is not null`),
  ],
);
