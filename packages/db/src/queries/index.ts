export * from "./sessions";
export * from "./assets";
export * from "./costs";
export * from "./auth";
export * from "./health";
export * from "./runs";
export * from "./events";
export * from "./shares";
