import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0"], { error: "must be true or false" })
  .transform((v) => v === "true" || v === "1");

/** A comma-separated list of origins such as `https://ads.example.com,https://admin.example`. */
const originList = z
  .string()
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z.url({ error: "must list origins such as https://ads.example.com" }).transform((u) => {
        return new URL(u).origin;
      }),
    ),
  );

/**
 * `false` (default): the peer address is the client. `true` or a number N: that many
 * reverse proxies sit in front, so the client is N entries from the right of X-Forwarded-For.
 */
const trustProxy = z
  .string()
  .regex(/^(true|false|[0-9])$/, { error: "must be true, false or a number of proxy hops (0-9)" })
  .transform((v) => (v === "true" ? 1 : v === "false" ? 0 : Number(v)));

const serverEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Unset: 127.0.0.1 in development (only this machine), 0.0.0.0 in production. */
  HOST: z.string().min(1).optional(),
  APP_URL: z.url().optional(),
  ALLOWED_ORIGINS: originList.optional(),
  TRUST_PROXY: trustProxy.default(0),
  SESSION_BUDGET_USD: z.coerce.number().positive().max(10_000).default(10),
  /** Create the demo account at start; on by default in development, refused in production. */
  SEED_DEMO_USER: booleanFlag.optional(),
  /** Mark cookies Secure; on by default when APP_URL is https. */
  SECURE_COOKIES: booleanFlag.optional(),
});

export type ServerEnv = ReturnType<typeof readServerEnv>;

/** Reads and checks the server's configuration; a bad value stops start-up naming the variable. */
export function readServerEnv(source: NodeJS.ProcessEnv = process.env) {
  const input = Object.fromEntries(
    Object.keys(serverEnvSchema.shape).map((k) => [k, source[k] === "" ? undefined : source[k]]),
  );
  const parsed = serverEnvSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const isProduction = env.NODE_ENV === "production";
  // A well-known password on a server others can reach is an open door.
  if (isProduction && env.SEED_DEMO_USER) {
    throw new Error(
      "Invalid configuration:\n  SEED_DEMO_USER: the demo account cannot exist with NODE_ENV=production",
    );
  }
  const appUrl = env.APP_URL ?? `http://localhost:${env.PORT}`;
  return {
    ...env,
    APP_URL: appUrl,
    HOST: env.HOST ?? (isProduction ? "0.0.0.0" : "127.0.0.1"),
    /** Browser origins allowed to send non-GET requests and open WebSockets. */
    allowedOrigins: [...new Set([new URL(appUrl).origin, ...(env.ALLOWED_ORIGINS ?? [])])],
    isProduction,
    seedDemoUser: env.SEED_DEMO_USER ?? env.NODE_ENV === "development",
    secureCookies: env.SECURE_COOKIES ?? appUrl.startsWith("https:"),
  };
}
