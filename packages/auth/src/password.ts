import { Argon2id } from "oslo/password";

const argon2id = new Argon2id();

export function hashPassword(password: string): Promise<string> {
  return argon2id.hash(password);
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2id.verify(hash, password);
}

/**
 * Verifying against a real hash when the email is unknown keeps log-in time the
 * same for both failures, so timing does not reveal which emails have accounts.
 */
let dummyHash: Promise<string> | undefined;
export async function burnVerifyTime(password: string): Promise<void> {
  dummyHash ??= argon2id.hash("adgen-timing-equaliser");
  await argon2id.verify(await dummyHash, password);
}

/** How the auth service hashes and checks passwords (Argon2id; tests pass a fast fake). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** `hash` is null when no account has the email: take the same time, then say no. */
  verify(hash: string | null, password: string): Promise<boolean>;
}

export const argon2Hasher: PasswordHasher = {
  hash: hashPassword,
  verify: (hash, password) =>
    hash === null ? burnVerifyTime(password).then(() => false) : verifyPassword(hash, password),
};
