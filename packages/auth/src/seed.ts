import { eq, users, type Database } from "@adgen/db";
import { hashPassword } from "./password";

export const DEMO_USER = { email: "demo@example.com", password: "demo123" } as const;

/**
 * Creates the demo account if it is missing. Its password is shorter than the sign-up
 * rule allows on purpose: it is the documented development log-in.
 */
export async function seedDemoUser(db: Database): Promise<"created" | "exists"> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_USER.email));
  if (existing) return "exists";
  await db
    .insert(users)
    .values({ id: "demo-user", email: DEMO_USER.email, passwordHash: await hashPassword(DEMO_USER.password) })
    .onConflictDoNothing();
  return "created";
}
