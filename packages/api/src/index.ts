import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root";

export { appRouter, createCaller, type AppRouter } from "./root";
export { createContext, type ApiServices, type Context, type RequestInfo } from "./context";
export { checkHealth } from "./routers/health";
export type { FieldErrors } from "./errors";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
