import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { assets } from "./assets";
import { sessions } from "./sessions";

/**
 * Public read-only links to one final video. Only the SHA-256 of the token is kept, so a
 * copy of the database opens no shared page; revoking sets `revokedAt` and the page says so.
 */
export const shares = pgTable(
  "shares",
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    /** The video shown: pinned at share time, so a later recompose does not change the page. */
    assetId: uuid()
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("shares_session_idx").on(t.sessionId)],
);
