import { authRouter } from "./routers/auth";
import { healthProcedure } from "./routers/health";
import { sessionsRouter } from "./routers/sessions";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  health: healthProcedure,
  auth: authRouter,
  sessions: sessionsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
