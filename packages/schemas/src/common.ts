import { z } from "zod";

/** Ids are UUIDs everywhere; a malformed id is a user's mistake, not a server error. */
export const idSchema = z.uuid({ error: "Must be a valid id" });

export const sessionIdInput = z.object({ sessionId: idSchema });
export type SessionIdInput = z.infer<typeof sessionIdInput>;

/** Trims, then checks bounds, so "   " is empty and not three characters. */
export function boundedText(label: string, min: number, max: number) {
  return z
    .string({ error: `${label} is required` })
    .trim()
    .min(min, { error: `${label} must be at least ${min} characters` })
    .max(max, { error: `${label} must be at most ${max} characters` });
}
