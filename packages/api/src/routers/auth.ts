import { AuthError, type SignedIn } from "@adgen/auth";
import { loginInput, signupInput } from "@adgen/schemas";
import { TRPCError } from "@trpc/server";
import { fieldError } from "../errors";
import { protectedProcedure, publicProcedure, router } from "../trpc";

function toTrpcError(error: unknown): unknown {
  if (!(error instanceof AuthError)) return error;
  switch (error.code) {
    case "EMAIL_TAKEN":
      return fieldError("CONFLICT", error.field ?? "email", error.message);
    case "INVALID_CREDENTIALS":
      return new TRPCError({ code: "UNAUTHORIZED", message: error.message });
    case "THROTTLED":
      return new TRPCError({ code: "TOO_MANY_REQUESTS", message: error.message });
  }
}

function signedInResult(signedIn: SignedIn) {
  return { userId: signedIn.user.id, email: signedIn.user.email, sessionToken: signedIn.token };
}

export const authRouter = router({
  signup: publicProcedure.input(signupInput).mutation(async ({ ctx, input }) => {
    const signedIn = await ctx.auth
      .signup(input, { address: ctx.request.address })
      .catch((e) => Promise.reject(toTrpcError(e)));
    ctx.request.setCookie(signedIn.cookie);
    return signedInResult(signedIn);
  }),

  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const signedIn = await ctx.auth
      .login(input, { address: ctx.request.address })
      .catch((e) => Promise.reject(toTrpcError(e)));
    ctx.request.setCookie(signedIn.cookie);
    return signedInResult(signedIn);
  }),

  logout: protectedProcedure.mutation(async ({ ctx }) => {
    await ctx.auth.logout(ctx.session.id);
    ctx.request.setCookie(ctx.auth.blankCookie());
    return { ok: true as const };
  }),

  me: publicProcedure.query(({ ctx }) =>
    ctx.user ? { userId: ctx.user.id, email: ctx.user.email } : null,
  ),
});
