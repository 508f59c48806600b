/** Auth failures a user can act on; the API maps each code to a tRPC error. */
export type AuthErrorCode = "EMAIL_TAKEN" | "INVALID_CREDENTIALS" | "THROTTLED";

export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    message: string,
    readonly field?: "email" | "password",
    /** For THROTTLED: seconds until a new attempt is counted (a `Retry-After` value). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AuthError";
  }
}
