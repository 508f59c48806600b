export * from "./client";
export * from "./migrate";
export * from "./env";
export * as schema from "./schema/index";
export * from "./schema/index";
/*
 * Only packages/pipeline still builds SQL outside this package; this re-export goes once its
 * statements have moved into queries/ (issue 8). Nothing else should import these.
 */
export { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
export * from "./queries/index";
export * from "./stored-json";
