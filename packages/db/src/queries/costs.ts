import { asc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { generationCosts } from "../schema/index";

export type CostRow = typeof generationCosts.$inferSelect;

/** A session's cost lines in the order they were recorded. */
export function listSessionCosts(db: Database, sessionId: string) {
  return db
    .select()
    .from(generationCosts)
    .where(eq(generationCosts.sessionId, sessionId))
    .orderBy(asc(generationCosts.createdAt), asc(generationCosts.id));
}
