import { findOwnedSession, type Database } from "@adgen/db";
import { TRPCError } from "@trpc/server";

/**
 * The one ownership check: a session that is not the caller's is reported exactly
 * like one that does not exist, so ids cannot be probed.
 */
export async function requireOwnedSession(db: Database, userId: string, sessionId: string) {
  const session = await findOwnedSession(db, userId, sessionId);
  if (!session) throw new TRPCError({ code: "NOT_FOUND", message: "Session not found." });
  return session;
}
