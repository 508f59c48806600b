export * from "./errors";
export * from "./service";
export * from "./seed";
export { SESSION_COOKIE_NAME } from "./lucia";
export type { Session, User } from "lucia";
