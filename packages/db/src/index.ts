export * from "./client";
export * from "./migrate";
export * from "./env";
export * as schema from "./schema/index";
export * from "./schema/index";
export * from "./queries/index";
export * from "./stored-json";
