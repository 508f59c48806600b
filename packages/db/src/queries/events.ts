import type { ProgressEvent } from "@adgen/schemas";
import { and, asc, eq, gt, max, sql } from "drizzle-orm";
import type { Database } from "../client";
import { sessionEvents, sessions } from "../schema/index";

export type SessionEventRow = typeof sessionEvents.$inferSelect;

/** What the writer knows of the session when it builds the event, read under its lock. */
export interface LockedSession {
  totalCostMicros: number;
}

/**
 * Appends a progress event to the session's durable log and returns it with its sequence
 * (1, 2, 3… per session), or null when the session no longer exists.
 *
 * The sequence is taken under the session row's lock, held until commit, so events of one
 * session commit in sequence order: a reader that has seen `seq` n has seen everything
 * before it, and resuming "after n" can neither skip nor repeat an event. (A global serial
 * id cannot promise that: two transactions may commit in the opposite order of their ids.)
 * `FOR NO KEY UPDATE` lets inserts elsewhere that merely reference the session go on.
 *
 * With `notifyChannel`, a PostgreSQL NOTIFY carrying `<session id>:<seq>` goes out in the
 * same transaction, so listeners are woken only once the event can be read.
 */
export async function appendSessionEvent(
  db: Database,
  sessionId: string,
  build: (session: LockedSession) => ProgressEvent,
  options: { notifyChannel?: string } = {},
): Promise<{ seq: number; payload: ProgressEvent } | null> {
  return db.transaction(async (tx) => {
    const [session] = await tx
      .select({ totalCostMicros: sessions.totalCostMicros })
      .from(sessions)
      .where(eq(sessions.id, sessionId))
      .for("no key update");
    if (!session) return null;
    const [latest] = await tx
      .select({ seq: max(sessionEvents.seq) })
      .from(sessionEvents)
      .where(eq(sessionEvents.sessionId, sessionId));
    const seq = (latest?.seq ?? 0) + 1;
    const payload = build(session);
    await tx.insert(sessionEvents).values({ sessionId, seq, payload });
    if (options.notifyChannel) {
      const message = `${sessionId}:${seq}`;
      await tx.execute(sql`select pg_notify(${options.notifyChannel}, ${message})`);
    }
    return { seq, payload };
  });
}

/** Up to `limit` of the session's events after sequence `afterSeq`, oldest first. */
export function listSessionEventsAfter(
  db: Database,
  sessionId: string,
  afterSeq: number,
  limit: number,
): Promise<Pick<SessionEventRow, "seq" | "payload">[]> {
  return db
    .select({ seq: sessionEvents.seq, payload: sessionEvents.payload })
    .from(sessionEvents)
    .where(and(eq(sessionEvents.sessionId, sessionId), gt(sessionEvents.seq, afterSeq)))
    .orderBy(asc(sessionEvents.seq))
    .limit(limit);
}
