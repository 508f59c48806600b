export * from "./errors";
export * from "./service";
export * from "./seed";
export { SESSION_COOKIE_NAME } from "./lucia";
export type { PasswordHasher } from "./password";
export {
  THROTTLE_POLICIES,
  UNKNOWN_ADDRESS,
  pruneThrottle,
  type BackoffPolicy,
  type ThrottlePolicies,
  type WindowPolicy,
} from "./throttle";
export type { Session, User } from "lucia";
