import {
  bigint,
  bigserial,
  jsonb,
  pgTable,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { ProgressEvent } from "@adgen/schemas";
import { sessions } from "./sessions";

/** The durable progress log behind the `generation.progress` subscription. */
export const sessionEvents = pgTable(
  "session_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    seq: bigint({ mode: "number" }).notNull(),
    payload: jsonb().$type<ProgressEvent>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("session_events_session_seq_idx").on(t.sessionId, t.seq)],
);
