import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import type { Context } from "./context";
import { fieldErrorsFrom } from "./errors";

/** The only place tRPC is initialised. */
const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const fieldErrors = fieldErrorsFrom(error.cause);
    // A validation failure's default message is a JSON dump of issues; say it plainly.
    const message =
      error.code === "BAD_REQUEST" && fieldErrors && error.message.startsWith("[")
        ? Object.values(fieldErrors).flat()[0] ?? shape.message
        : shape.message;
    return { ...shape, message, data: { ...shape.data, stack: undefined, fieldErrors } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

export const protectedProcedure = t.procedure.use(async ({ ctx, next }) => {
  const stillValid = ctx.request.revalidate ? await ctx.request.revalidate() : true;
  if (!ctx.user || !ctx.session || !stillValid) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Please log in to continue." });
  }
  return next({ ctx: { ...ctx, user: ctx.user, session: ctx.session } });
});
