import { PipelineError } from "@adgen/pipeline";
import {
  composeFinalVideoInput,
  generateClipsInput,
  generateImagesInput,
  progressInput,
  saveApprovedClipsInput,
  saveApprovedImagesInput,
  sessionIdInput,
} from "@adgen/schemas";
import { TRPCError, tracked } from "@trpc/server";
import { requireOwnedSession } from "../access";
import { fieldError } from "../errors";
import { protectedProcedure, router } from "../trpc";

/** Pipeline refusals become tRPC errors carrying the pipeline's sentence. */
function toTrpcError(error: unknown): unknown {
  if (!(error instanceof PipelineError)) return error;
  switch (error.code) {
    case "BUDGET_EXCEEDED":
    case "PRECONDITION_FAILED":
      return new TRPCError({ code: "PRECONDITION_FAILED", message: error.message });
    case "NOT_FOUND":
      return new TRPCError({ code: "NOT_FOUND", message: error.message });
    case "BAD_REQUEST":
      return error.field
        ? fieldError("BAD_REQUEST", error.field, error.message)
        : new TRPCError({ code: "BAD_REQUEST", message: error.message });
  }
}

const rethrow = (error: unknown) => Promise.reject(toTrpcError(error));

export const generationRouter = router({
  generateImages: protectedProcedure.input(generateImagesInput).mutation(async ({ ctx, input }) => {
    const session = await requireOwnedSession(ctx.db, ctx.user.id, input.sessionId);
    return ctx.pipeline.generateImages(session, input).catch(rethrow);
  }),

  saveApprovedImages: protectedProcedure
    .input(saveApprovedImagesInput)
    .mutation(async ({ ctx, input }) => {
      const session = await requireOwnedSession(ctx.db, ctx.user.id, input.sessionId);
      return ctx.pipeline.saveApprovedImages(session, input).catch(rethrow);
    }),

  generateClips: protectedProcedure.input(generateClipsInput).mutation(async ({ ctx, input }) => {
    const session = await requireOwnedSession(ctx.db, ctx.user.id, input.sessionId);
    return ctx.pipeline.generateClips(session, input).catch(rethrow);
  }),

  saveApprovedClips: protectedProcedure
    .input(saveApprovedClipsInput)
    .mutation(async ({ ctx, input }) => {
      const session = await requireOwnedSession(ctx.db, ctx.user.id, input.sessionId);
      return ctx.pipeline.saveApprovedClips(session, input).catch(rethrow);
    }),

  composeFinalVideo: protectedProcedure
    .input(composeFinalVideoInput)
    .mutation(async ({ ctx, input }) => {
      const session = await requireOwnedSession(ctx.db, ctx.user.id, input.sessionId);
      return ctx.pipeline.composeFinalVideo(session, input).catch(rethrow);
    }),

  retry: protectedProcedure.input(sessionIdInput).mutation(async ({ ctx, input }) => {
    const session = await requireOwnedSession(ctx.db, ctx.user.id, input.sessionId);
    return ctx.pipeline.retry(session).catch(rethrow);
  }),

  /** Stops the running step: its model calls are cancelled, the session goes back a step. */
  cancel: protectedProcedure.input(sessionIdInput).mutation(async ({ ctx, input }) => {
    const session = await requireOwnedSession(ctx.db, ctx.user.id, input.sessionId);
    return ctx.pipeline.cancel(session).catch(rethrow);
  }),

  /**
   * Replays the session's events after `lastEventId`, then follows live. Ids are the
   * session's own event sequence (1, 2, 3…, assigned in commit order), so a client that
   * reconnects (to any server) resumes exactly: nothing skipped, nothing twice.
   */
  progress: protectedProcedure.input(progressInput).subscription(async function* ({
    ctx,
    input,
    signal,
  }) {
    // Counted before the first await, so parallel subscribes cannot all pass the check.
    const slots = ctx.request.subscriptions;
    if (slots && slots.open >= slots.max) {
      throw new TRPCError({
        code: "TOO_MANY_REQUESTS",
        message: `At most ${slots.max} live progress streams per connection.`,
      });
    }
    if (slots) slots.open++;
    try {
      await requireOwnedSession(ctx.db, ctx.user.id, input.sessionId);
      const lastEventId = input.lastEventId ? Number(input.lastEventId) : 0;
      if (!Number.isSafeInteger(lastEventId) || lastEventId < 0) {
        throw fieldError(
          "BAD_REQUEST",
          "lastEventId",
          "lastEventId must be an id received from this subscription",
        );
      }
      const events = ctx.pipeline.events.follow(input.sessionId, { lastEventId, signal });
      for await (const { id, event } of events) yield tracked(String(id), event);
    } finally {
      if (slots) slots.open--;
    }
  }),
});
