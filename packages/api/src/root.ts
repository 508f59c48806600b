import { authRouter } from "./routers/auth";
import { generationRouter } from "./routers/generation";
import { healthProcedure } from "./routers/health";
import { sessionsRouter } from "./routers/sessions";
import { sharesRouter } from "./routers/shares";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  health: healthProcedure,
  auth: authRouter,
  sessions: sessionsRouter,
  generation: generationRouter,
  shares: sharesRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
