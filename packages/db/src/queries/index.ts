export * from "./sessions";
export * from "./auth";
