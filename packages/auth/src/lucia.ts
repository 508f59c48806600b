import { DrizzlePostgreSQLAdapter } from "@lucia-auth/adapter-drizzle";
import { authSessions, users, type Database } from "@adgen/db";
import { Lucia, TimeSpan } from "lucia";

export const SESSION_COOKIE_NAME = "adgen_session";

export function createLucia(db: Database, options: { secureCookies: boolean }) {
  // The adapter's types name a narrower drizzle database; ours is the shared PG surface.
  const adapter = new DrizzlePostgreSQLAdapter(db as never, authSessions, users);
  return new Lucia(adapter, {
    sessionExpiresIn: new TimeSpan(30, "d"),
    sessionCookie: {
      name: SESSION_COOKIE_NAME,
      expires: true,
      attributes: { secure: options.secureCookies, sameSite: "lax" },
    },
    getUserAttributes: (attributes) => ({ email: attributes.email }),
  });
}

export type AdgenLucia = ReturnType<typeof createLucia>;

declare module "lucia" {
  interface Register {
    Lucia: AdgenLucia;
    DatabaseUserAttributes: { email: string };
  }
}
