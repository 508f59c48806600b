export * from "./enums";
export * from "./users";
export * from "./sessions";
export * from "./assets";
export * from "./costs";
export * from "./events";
export * from "./shares";
export * from "./attempts";
