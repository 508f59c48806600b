export * from "./enums";
export * from "./common";
export * from "./auth";
export * from "./sessions";
export * from "./generation";
export * from "./progress";
export * from "./money";
export * from "./agent-outputs";
