import { deleteUser, findUserByEmail, insertUserIfAbsent, type Database } from "@adgen/db";
import { hashPassword, verifyPassword } from "./password";

export const DEMO_USER = { email: "demo@example.com", password: "demo123" } as const;

/**
 * Creates the demo account if it is missing. Its password is shorter than the sign-up
 * rule allows on purpose: it is the documented development log-in.
 */
export async function seedDemoUser(db: Database): Promise<"created" | "exists"> {
  if (await findUserByEmail(db, DEMO_USER.email)) return "exists";
  const created = await insertUserIfAbsent(db, {
    id: "demo-user",
    email: DEMO_USER.email,
    passwordHash: await hashPassword(DEMO_USER.password),
  });
  return created ? "created" : "exists";
}

/**
 * Production never has the demo account: a database that was seeded in development and
 * then served in production would otherwise keep a well-known log-in. Only an account that
 * still has the demo password is removed (with its sessions and ads).
 */
export async function removeDemoUser(db: Database): Promise<"removed" | "absent"> {
  const row = await findUserByEmail(db, DEMO_USER.email);
  if (!row || !(await verifyPassword(row.passwordHash, DEMO_USER.password))) return "absent";
  await deleteUser(db, row.id);
  return "removed";
}
