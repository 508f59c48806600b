import { findThumbnails, insertSession, listSessionCosts, listSessionsPage } from "@adgen/db";
import { listSessionsInput, microsToUsd, sessionIdInput, usdToMicros } from "@adgen/schemas";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { requireOwnedSession } from "../access";
import { decodeCursor, encodeCursor } from "../cursor";
import { fieldError } from "../errors";
import { summariseCosts } from "../views/costs";
import { loadSessionView } from "../views/session";
import { protectedProcedure, router } from "../trpc";

export const sessionsRouter = router({
  create: protectedProcedure.input(z.object({}).strict().optional()).mutation(async ({ ctx }) => {
    const row = await insertSession(ctx.db, {
      userId: ctx.user.id,
      budgetMicros: usdToMicros(ctx.sessionBudgetUsd),
    });
    return { sessionId: row.id, stage: row.stage, createdAt: row.createdAt };
  }),

  list: protectedProcedure.input(listSessionsInput).query(async ({ ctx, input }) => {
    const cursor = input.cursor ? decodeCursor(input.cursor) : undefined;
    if (input.cursor && !cursor) {
      throw fieldError("BAD_REQUEST", "cursor", "That page link is no longer valid.");
    }
    const page = await listSessionsPage(ctx.db, ctx.user.id, input.limit, cursor ?? undefined);
    const thumbnails = await findThumbnails(
      ctx.db,
      page.rows.map((r) => r.id),
    );
    const items = await Promise.all(
      page.rows.map(async (row) => {
        const key = thumbnails.get(row.id);
        return {
          id: row.id,
          stage: row.stage,
          productPrompt: row.productPrompt,
          thumbnailUrl: key ? await ctx.mediaUrl(key) : null,
          totalCost: microsToUsd(row.totalCostMicros),
          createdAt: row.createdAt,
          updatedAt: row.updatedAt,
        };
      }),
    );
    const last = page.rows.at(-1);
    return { items, nextCursor: page.hasMore && last ? encodeCursor(last) : null };
  }),

  get: protectedProcedure.input(sessionIdInput).query(async ({ ctx, input }) => {
    const session = await requireOwnedSession(ctx.db, ctx.user.id, input.sessionId);
    return loadSessionView(ctx, session);
  }),

  costs: protectedProcedure.input(sessionIdInput).query(async ({ ctx, input }) => {
    const session = await requireOwnedSession(ctx.db, ctx.user.id, input.sessionId);
    const lines = await listSessionCosts(ctx.db, session.id);
    return summariseCosts(session, lines);
  }),

  delete: protectedProcedure.input(sessionIdInput).mutation(async ({ ctx, input }) => {
    // A running session is deleted too: its run ends with the row, its jobs are cancelled
    // and its files removed (see the pipeline's deleteSession).
    const deleted = await ctx.pipeline.deleteSession(ctx.user.id, input.sessionId);
    if (!deleted) throw new TRPCError({ code: "NOT_FOUND", message: "Session not found." });
    return { sessionId: input.sessionId, deleted: true as const };
  }),
});
