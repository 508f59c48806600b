import type { ProgressEvent } from "@adgen/schemas";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Database } from "../client";
import { sessionEvents } from "../schema/index";

export type SessionEventRow = typeof sessionEvents.$inferSelect;

/**
 * Appends a progress event to the session's durable log and returns its id. With
 * `notifyChannel`, a PostgreSQL NOTIFY carrying the session id goes out in the same
 * transaction, so listeners are woken only once the event can be read.
 */
export async function appendSessionEvent(
  db: Database,
  sessionId: string,
  payload: ProgressEvent,
  options: { notifyChannel?: string } = {},
): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(sessionEvents)
      .values({ sessionId, payload })
      .returning({ id: sessionEvents.id });
    if (!row) throw new Error("insert into session_events returned no row");
    if (options.notifyChannel) {
      await tx.execute(sql`select pg_notify(${options.notifyChannel}, ${sessionId})`);
    }
    return row.id;
  });
}

/** Up to `limit` of the session's events after `afterId`, oldest first. */
export function listSessionEventsAfter(
  db: Database,
  sessionId: string,
  afterId: number,
  limit: number,
): Promise<SessionEventRow[]> {
  return db
    .select()
    .from(sessionEvents)
    .where(and(eq(sessionEvents.sessionId, sessionId), gt(sessionEvents.id, afterId)))
    .orderBy(asc(sessionEvents.id))
    .limit(limit);
}
