import { randomBytes } from "node:crypto";
import {
  findLiveShare,
  findSharedVideo,
  replaceShare,
  revokeShares,
  shareTokenHash,
} from "@adgen/db";
import { sessionIdInput } from "@adgen/schemas";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { requireOwnedSession } from "../access";
import { protectedProcedure, publicProcedure, router } from "../trpc";

/** 24 random bytes: 192 bits, base64url, so a link cannot be guessed or enumerated. */
const newToken = () => randomBytes(24).toString("base64url");
export const shareTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{32}$/, { error: "This share link is not valid." });

/** Where a shared page and its video live; the media route serves the latter read-only. */
export const sharePaths = (token: string) => ({
  page: `/s/${token}`,
  video: `/media/shared/${token}`,
});

const notFound = () => new TRPCError({ code: "NOT_FOUND", message: "This link does not exist." });

export const sharesRouter = router({
  /** A new public link to the session's current video; earlier links stop working. */
  create: protectedProcedure.input(sessionIdInput).mutation(async ({ ctx, input }) => {
    const session = await requireOwnedSession(ctx.db, ctx.user.id, input.sessionId);
    if (!session.finalVideoAssetId) {
      throw new TRPCError({
        code: "PRECONDITION_FAILED",
        message: "Make the video first; then it can be shared.",
      });
    }
    const token = newToken();
    const row = await replaceShare(ctx.db, {
      sessionId: session.id,
      assetId: session.finalVideoAssetId,
      tokenHash: shareTokenHash(token),
    });
    return { path: sharePaths(token).page, createdAt: row.createdAt };
  }),

  revoke: protectedProcedure.input(sessionIdInput).mutation(async ({ ctx, input }) => {
    const session = await requireOwnedSession(ctx.db, ctx.user.id, input.sessionId);
    return { revoked: await revokeShares(ctx.db, session.id) };
  }),

  /** Whether the session has a live link (its URL was shown once, when it was made). */
  get: protectedProcedure.input(sessionIdInput).query(async ({ ctx, input }) => {
    const session = await requireOwnedSession(ctx.db, ctx.user.id, input.sessionId);
    const live = await findLiveShare(ctx.db, session.id);
    return { live: live ? { createdAt: live.createdAt, assetId: live.assetId } : null };
  }),

  /** The public page's data: works logged out; a revoked link says so instead. */
  view: publicProcedure
    .input(z.object({ token: shareTokenSchema }))
    .query(async ({ ctx, input }) => {
      const shared = await findSharedVideo(ctx.db, input.token);
      if (!shared) throw notFound();
      if (shared.revokedAt) return { revoked: true as const, revokedAt: shared.revokedAt };
      return {
        revoked: false as const,
        productPrompt: shared.productPrompt,
        videoUrl: sharePaths(input.token).video,
        duration: shared.duration,
        width: shared.width,
        height: shared.height,
        sharedAt: shared.createdAt,
      };
    }),
});
