export * from "./client";
export * from "./migrate";
export * from "./env";
export * as schema from "./schema/index";
export * from "./schema/index";
export { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
export * from "./queries/index";
