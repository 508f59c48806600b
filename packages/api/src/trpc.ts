import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import type { Context } from "./context";
import {
  callerCausedMessage,
  fieldError,
  fieldErrorsFrom,
  findInputProblem,
  internalErrorMessage,
  plainRequestMessage,
  referenceFor,
} from "./errors";

/**
 * superjson, but an input must be its envelope `{ json, meta? }` with an object for meta:
 * anything else is refused as a bad request instead of quietly becoming `undefined`. Absurd
 * nesting is refused before superjson walks it, so it cannot exhaust superjson's recursion.
 */
const strictInput = {
  serialize: (value: unknown) => superjson.serialize(value),
  deserialize: (value: unknown) => {
    const envelope = value as { meta?: unknown } | null;
    const isEnvelope =
      typeof envelope === "object" &&
      envelope !== null &&
      !Array.isArray(envelope) &&
      (envelope.meta === undefined ||
        (typeof envelope.meta === "object" &&
          envelope.meta !== null &&
          !Array.isArray(envelope.meta)));
    if (!isEnvelope) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: "The request input is not in the format this API expects.",
      });
    }
    // Characters are checked later (guardInput), where a WebSocket error can name the call.
    const problem = findInputProblem((value as { json?: unknown }).json, { depthOnly: true });
    if (problem) throw fieldError("BAD_REQUEST", problem.field, problem.message);
    return superjson.deserialize(value as Parameters<typeof superjson.deserialize>[0]);
  },
};

const BAD_REQUEST = { code: "BAD_REQUEST", json: -32600, http: 400 } as const;

/** The only place tRPC is initialised. */
const t = initTRPC.context<Context>().create({
  transformer: { input: strictInput, output: superjson },
  // Subscriptions are served over WebSocket only, where connections and streams are bounded.
  sse: { enabled: false },
  /**
   * Every error a caller sees passes here. Users get plain sentences: validation failures
   * name their fields, a parser's raw text becomes a sentence, an error the caller caused
   * deep down (a bad escape in a cookie, a value the database refuses) is a 400, and
   * anything else is logged once with a reference that the message carries.
   */
  errorFormatter({ shape, error, path }) {
    const data = { ...shape.data, stack: undefined };
    if (error.code === "INTERNAL_SERVER_ERROR") {
      const callerCaused = callerCausedMessage(error.cause);
      if (callerCaused) {
        const reference = referenceFor(error.cause, `trpc ${path ?? "?"} (caller's input)`);
        return {
          ...shape,
          code: BAD_REQUEST.json,
          message: callerCaused,
          data: {
            ...data,
            code: BAD_REQUEST.code,
            httpStatus: BAD_REQUEST.http,
            fieldErrors: null,
            reference,
          },
        };
      }
      const reference = referenceFor(error.cause ?? error, `trpc ${path ?? "?"}`);
      return {
        ...shape,
        message: internalErrorMessage(reference),
        data: { ...data, fieldErrors: null, reference },
      };
    }
    const fieldErrors = fieldErrorsFrom(error.cause);
    let message = shape.message;
    if (error.code === "BAD_REQUEST" || error.code === "PARSE_ERROR") {
      message = plainRequestMessage(error);
    }
    // A validation failure's default message is a JSON dump of issues; say it plainly.
    if (error.code === "BAD_REQUEST" && fieldErrors && error.message.startsWith("[")) {
      message = Object.values(fieldErrors).flat()[0] ?? message;
    }
    return { ...shape, message, data: { ...data, fieldErrors, reference: undefined } };
  },
});

/**
 * Reads the raw input before any schema does and refuses what no field may hold (NUL,
 * broken characters, absurd nesting) with the field it is in. Reading it also means a
 * malformed body is refused even by procedures that take no input.
 */
const guardInput = t.middleware(async ({ getRawInput, next }) => {
  const problem = findInputProblem(await getRawInput());
  if (problem) throw fieldError("BAD_REQUEST", problem.field, problem.message);
  return next();
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(guardInput);

export const protectedProcedure = t.procedure
  .use(async ({ ctx, next }) => {
    const stillValid = ctx.request.revalidate ? await ctx.request.revalidate() : true;
    if (!ctx.user || !ctx.session || !stillValid) {
      throw new TRPCError({ code: "UNAUTHORIZED", message: "Please log in to continue." });
    }
    return next({ ctx: { ...ctx, user: ctx.user, session: ctx.session } });
  })
  .use(guardInput);
