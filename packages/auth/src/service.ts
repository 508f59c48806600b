import { eq, users, type Database } from "@adgen/db";
import type { LoginInput, SignupInput } from "@adgen/schemas";
import { generateIdFromEntropySize, type Session, type User } from "lucia";
import { AuthError } from "./errors";
import { createLucia } from "./lucia";
import { burnVerifyTime, hashPassword, verifyPassword } from "./password";
import { ADDRESS_POLICY, EMAIL_POLICY, assertNotThrottled, clearFailures, recordFailure } from "./throttle";

export interface AuthOptions {
  /** Mark cookies `Secure` (production over HTTPS). */
  secureCookies: boolean;
}

export interface SignedIn {
  user: User;
  session: Session;
  /** A serialized `Set-Cookie` value for the new session. */
  cookie: string;
}

export interface ValidatedSession {
  user: User;
  session: Session;
  /** Set when Lucia extended the session and the browser needs the new expiry. */
  refreshedCookie?: string;
}

const INVALID_CREDENTIALS = "Email or password is incorrect.";

export function createAuthService(db: Database, options: AuthOptions) {
  const lucia = createLucia(db, options);

  async function startSession(user: User): Promise<SignedIn> {
    const session = await lucia.createSession(user.id, {});
    return { user, session, cookie: lucia.createSessionCookie(session.id).serialize() };
  }

  async function signup(input: SignupInput): Promise<SignedIn> {
    const passwordHash = await hashPassword(input.password);
    const id = generateIdFromEntropySize(10);
    try {
      await db.insert(users).values({ id, email: input.email, passwordHash });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AuthError("EMAIL_TAKEN", "An account with this email already exists.", "email");
      }
      throw error;
    }
    return startSession({ id, email: input.email });
  }

  async function login(input: LoginInput, context: { address?: string } = {}): Promise<SignedIn> {
    const keys = [`email:${input.email}`, ...(context.address ? [`ip:${context.address}`] : [])];
    await assertNotThrottled(db, keys);
    const [row] = await db.select().from(users).where(eq(users.email, input.email));
    const valid = row ? await verifyPassword(row.passwordHash, input.password) : await burnVerifyTime(input.password).then(() => false);
    if (!row || !valid) {
      await recordFailure(db, `email:${input.email}`, EMAIL_POLICY);
      if (context.address) await recordFailure(db, `ip:${context.address}`, ADDRESS_POLICY);
      throw new AuthError("INVALID_CREDENTIALS", INVALID_CREDENTIALS);
    }
    await clearFailures(db, `email:${input.email}`);
    return startSession({ id: row.id, email: row.email });
  }

  async function validateToken(token: string): Promise<ValidatedSession | null> {
    const { session, user } = await lucia.validateSession(token);
    if (!session || !user) return null;
    return {
      session,
      user,
      refreshedCookie: session.fresh ? lucia.createSessionCookie(session.id).serialize() : undefined,
    };
  }

  /** The session token from a cookie header or an `Authorization: Bearer` header. */
  function readToken(headers: { cookie?: string | null; authorization?: string | null }): string | null {
    const bearer = headers.authorization ? lucia.readBearerToken(headers.authorization) : null;
    return bearer ?? (headers.cookie ? lucia.readSessionCookie(headers.cookie) : null);
  }

  return {
    signup,
    login,
    validateToken,
    readToken,
    logout: (sessionId: string) => lucia.invalidateSession(sessionId),
    logoutEverywhere: (userId: string) => lucia.invalidateUserSessions(userId),
    sessionCookie: (token: string) => lucia.createSessionCookie(token).serialize(),
    blankCookie: () => lucia.createBlankSessionCookie().serialize(),
    cookieName: lucia.sessionCookieName,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

/** Postgres' unique_violation, whether raised directly or wrapped by drizzle. */
function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === "23505") return true;
  }
  return false;
}
