import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0"], { error: "must be true or false" })
  .transform((v) => v === "true" || v === "1");

const serverEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  APP_URL: z.url().optional(),
  SESSION_BUDGET_USD: z.coerce.number().positive().max(10_000).default(10),
  /** Create the demo account at start; on by default outside production. */
  SEED_DEMO_USER: booleanFlag.optional(),
  /** Mark cookies Secure; on by default when APP_URL is https. */
  SECURE_COOKIES: booleanFlag.optional(),
});

export type ServerEnv = ReturnType<typeof readServerEnv>;

/** Reads and checks the server's configuration; a bad value stops start-up naming the variable. */
export function readServerEnv(source: NodeJS.ProcessEnv = process.env) {
  const parsed = serverEnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const appUrl = env.APP_URL ?? `http://localhost:${env.PORT}`;
  return {
    ...env,
    APP_URL: appUrl,
    isProduction: env.NODE_ENV === "production",
    seedDemoUser: env.SEED_DEMO_USER ?? env.NODE_ENV !== "production",
    secureCookies: env.SECURE_COOKIES ?? appUrl.startsWith("https:"),
  };
}
