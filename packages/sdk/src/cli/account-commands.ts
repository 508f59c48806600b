import { clearCredentials, saveCredentials } from "../credentials";
import { UsageError } from "./usage";
import type { CommandContext } from "./context";

export async function loginOrSignup(ctx: CommandContext, command: "login" | "signup") {
  const { email, password } = ctx.flags;
  if (!email || !password) throw new UsageError(`adgen ${command} needs --email and --password.`);
  const client = ctx.anonymous();
  const result =
    command === "login"
      ? await client.login({ email, password })
      : await client.signup({ email, password });
  const where = await saveCredentials({
    baseUrl: ctx.baseUrl,
    token: result.sessionToken,
    email: result.email,
  });
  ctx.out.result(
    { email: result.email, userId: result.userId, baseUrl: ctx.baseUrl, credentialsFile: where },
    `Logged in as ${result.email}; token saved to ${where}.`,
  );
}

export async function logout(ctx: CommandContext) {
  let ended = false;
  try {
    await ctx.client().logout();
    ended = true;
  } catch {
    // An expired or unknown token: forgetting it is all that is left to do.
  }
  const forgotten = await clearCredentials();
  ctx.out.result(
    { loggedOut: ended || forgotten },
    ended || forgotten ? "Logged out." : "You were not logged in.",
  );
}
