import { createHash } from "node:crypto";
import { findUserByEmail, insertUser, type Database } from "@adgen/db";
import type { LoginInput, SignupInput } from "@adgen/schemas";
import { generateIdFromEntropySize, type Session, type User } from "lucia";
import { AuthError } from "./errors";
import { createLucia } from "./lucia";
import { argon2Hasher, type PasswordHasher } from "./password";
import {
  THROTTLE_POLICIES,
  beginLoginAttempt,
  countSignupAttempt,
  type ThrottlePolicies,
} from "./throttle";

export interface AuthOptions {
  /** Mark cookies `Secure` (production over HTTPS). */
  secureCookies: boolean;
  /** The clock the throttles read (tests pass a fake one). */
  now?: () => Date;
  /** Defaults to Argon2id; tests pass a fast fake that can count verifications. */
  passwords?: PasswordHasher;
  /** Overrides for `THROTTLE_POLICIES`. */
  policies?: Partial<ThrottlePolicies>;
}

/** Who is asking, as far as the transport knows. */
export interface AuthRequestContext {
  /** The client's address (socket, or X-Forwarded-For when the proxy is trusted). */
  address?: string;
}

export interface SignedIn {
  user: User;
  /** The stored session: its `id` is the SHA-256 of `token`, for log-out. */
  session: Session;
  /** The secret the client presents (cookie or bearer). Given out once, never stored. */
  token: string;
  /** A serialized `Set-Cookie` value carrying `token`. */
  cookie: string;
}

export interface ValidatedSession {
  user: User;
  session: Session;
  /** Set when Lucia extended the session and the browser needs the new expiry. */
  refreshedCookie?: string;
}

const INVALID_CREDENTIALS = "Email or password is incorrect.";

/**
 * The stored id of a session: hex SHA-256 of its token, so that a copy of the database
 * (a backup, a leaked WAL) holds no usable token. The token has 200 random bits, so a
 * fast unsalted hash is enough.
 */
export function sessionIdFromToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function createAuthService(db: Database, options: AuthOptions) {
  const lucia = createLucia(db, options);
  const clock = options.now ?? (() => new Date());
  const passwords = options.passwords ?? argon2Hasher;
  const policies: ThrottlePolicies = { ...THROTTLE_POLICIES, ...options.policies };

  async function startSession(user: User): Promise<SignedIn> {
    const token = generateIdFromEntropySize(25);
    const sessionId = sessionIdFromToken(token);
    const session = await lucia.createSession(user.id, {}, { sessionId });
    return { user, session, token, cookie: lucia.createSessionCookie(token).serialize() };
  }

  async function signup(input: SignupInput, context: AuthRequestContext = {}): Promise<SignedIn> {
    await countSignupAttempt(db, policies.signupAddress, context.address, clock());
    const passwordHash = await passwords.hash(input.password);
    const id = generateIdFromEntropySize(10);
    try {
      await insertUser(db, { id, email: input.email, passwordHash });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AuthError("EMAIL_TAKEN", "An account with this email already exists.", "email");
      }
      throw error;
    }
    return startSession({ id, email: input.email });
  }

  async function login(input: LoginInput, context: AuthRequestContext = {}): Promise<SignedIn> {
    // Counted before the password is checked, so that concurrent guesses cannot all pass.
    const attempt = await beginLoginAttempt(
      db,
      policies,
      { email: input.email, address: context.address },
      clock(),
    );
    const row = await findUserByEmail(db, input.email);
    const valid = await passwords.verify(row?.passwordHash ?? null, input.password);
    if (!row || !valid) throw new AuthError("INVALID_CREDENTIALS", INVALID_CREDENTIALS);
    await attempt.succeeded();
    return startSession({ id: row.id, email: row.email });
  }

  /** The session and user for a token the client presented (cookie or bearer). */
  async function validateToken(token: string): Promise<ValidatedSession | null> {
    const { session, user } = await lucia.validateSession(sessionIdFromToken(token));
    if (!session || !user) return null;
    return {
      session,
      user,
      refreshedCookie: session.fresh ? lucia.createSessionCookie(token).serialize() : undefined,
    };
  }

  /** The session token from a cookie header or an `Authorization: Bearer` header. */
  function readToken(headers: {
    cookie?: string | null;
    authorization?: string | null;
  }): string | null {
    const bearer = headers.authorization ? lucia.readBearerToken(headers.authorization) : null;
    return bearer ?? (headers.cookie ? readSessionCookie(headers.cookie) : null);
  }

  /**
   * Another app on the same host may set a cookie whose value is not valid percent-encoding
   * (`theme=%E0`); the cookie parser throws on it, which must not lock our user out.
   */
  function readSessionCookie(header: string): string | null {
    try {
      return lucia.readSessionCookie(header);
    } catch {
      const ours = header
        .split(";")
        .map((part) => part.trim())
        .find((part) => part.startsWith(`${lucia.sessionCookieName}=`));
      return ours ? ours.slice(lucia.sessionCookieName.length + 1) || null : null;
    }
  }

  return {
    signup,
    login,
    validateToken,
    readToken,
    /** Ends one session, by its stored id (`session.id`, not the token). */
    logout: (sessionId: string) => lucia.invalidateSession(sessionId),
    logoutEverywhere: (userId: string) => lucia.invalidateUserSessions(userId),
    /** A `Set-Cookie` value carrying `token` (the client's secret, not the session id). */
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
