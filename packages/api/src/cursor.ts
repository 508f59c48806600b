import type { SessionCursor } from "@adgen/db";
import { idSchema } from "@adgen/schemas";

/** The exact time format `encodeCursor` writes: a four-digit year, milliseconds, UTC. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** Rows cannot be older than the epoch or newer than year 9999 (PostgreSQL and JS agree there). */
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Opaque page cursor: base64url of "<ISO time>|<id>". */
export function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");
}

/**
 * The row a cursor points after, or null for anything `encodeCursor` could not have
 * written: the id must be a real UUID and the time a real instant in range, so nothing a
 * caller sends reaches the database as a value it would reject.
 */
export function decodeCursor(cursor: string): SessionCursor | null {
  const parts = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (parts.length !== 2) return null;
  const [iso = "", id = ""] = parts;
  if (!ISO_TIME.test(iso) || !idSchema.safeParse(id).success) return null;
  const createdAt = new Date(iso);
  const time = createdAt.getTime();
  // Round-tripping rejects dates the parser rolls over (2026-02-30 → March 2).
  if (Number.isNaN(time) || time < EARLIEST || time > LATEST || createdAt.toISOString() !== iso) {
    return null;
  }
  return { createdAt, id: id.toLowerCase() };
}
