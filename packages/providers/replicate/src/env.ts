import { z } from "zod";
import { DEFAULT_PRICES, DEFAULT_ROLES, type Price, type Role } from "./models";

const priceSchema: z.ZodType<Price> = z.union([
  z.object({
    per: z.enum(["image", "output_second", "prediction", "hardware_second"]),
    usd: z.number().nonnegative(),
  }),
  z.object({
    per: z.literal("token"),
    inputPerMillion: z.number().nonnegative(),
    outputPerMillion: z.number().nonnegative(),
  }),
]);

const modelRef = z.string().regex(/^[\w.-]+\/[\w.-]+(:[0-9a-f]{64})?$/, {
  error: "must be owner/name or owner/name:<64-hex version>",
});
const fallbackRef = z.union([z.literal("none"), modelRef]);
const hostList = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(
        z.string().regex(/^(\*\.)?[a-z0-9.-]+(:\d+)?$/, {
          error: "must be host names such as replicate.delivery or *.replicate.delivery",
        }),
      )
      .min(1),
  );

export const replicateEnvSchema = z.object({
  REPLICATE_API_TOKEN: z.string().min(1).optional(),
  /** Accepted as an alias of REPLICATE_API_TOKEN. */
  REPLICATE_API_KEY: z.string().min(1).optional(),
  /** Must include /v1 (the client appends paths such as /predictions). */
  REPLICATE_BASE_URL: z
    .url({ error: "must be a URL such as https://api.replicate.com/v1" })
    .default("https://api.replicate.com/v1"),
  /** Output files are downloaded only over https from these hosts. */
  REPLICATE_OUTPUT_HOSTS: hostList.default(["replicate.delivery", "*.replicate.delivery"]),
  REPLICATE_OUTPUT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(200 * 1024 * 1024),
  REPLICATE_DOWNLOAD_TIMEOUT_MS: z.coerce.number().int().min(100).default(120_000),
  /** Retries of a 429 / 5xx answer (exponential back-off with jitter, Retry-After honoured). */
  REPLICATE_HTTP_RETRIES: z.coerce.number().int().min(0).max(10).default(5),
  REPLICATE_RETRY_BASE_MS: z.coerce.number().int().min(1).default(500),
  REPLICATE_RETRY_MAX_MS: z.coerce.number().int().min(1).default(30_000),
  /** Predictions per model before the fallback is tried (a failure, a timeout). */
  REPLICATE_MODEL_ATTEMPTS: z.coerce.number().int().min(1).max(5).default(2),
  /** Seconds a create request is held (`Prefer: wait`); 0 creates and polls at once. */
  REPLICATE_WAIT_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  REPLICATE_POLL_INTERVAL_MS: z.coerce.number().int().min(1).default(1000),
  REPLICATE_POLL_MAX_INTERVAL_MS: z.coerce.number().int().min(1).default(5000),
  /** Overrides every role's prediction timeout (seconds), e.g. for tests. */
  REPLICATE_TIMEOUT_SECONDS: z.coerce.number().positive().optional(),
  REPLICATE_MODEL_LLM: modelRef.optional(),
  REPLICATE_MODEL_IMAGE: modelRef.optional(),
  REPLICATE_MODEL_IMAGE_EDIT: modelRef.optional(),
  REPLICATE_MODEL_VIDEO: modelRef.optional(),
  REPLICATE_MODEL_MUSIC: modelRef.optional(),
  REPLICATE_FALLBACK_LLM: fallbackRef.optional(),
  REPLICATE_FALLBACK_IMAGE: fallbackRef.optional(),
  REPLICATE_FALLBACK_IMAGE_EDIT: fallbackRef.optional(),
  REPLICATE_FALLBACK_VIDEO: fallbackRef.optional(),
  REPLICATE_FALLBACK_MUSIC: fallbackRef.optional(),
  /** JSON: { "owner/name": { "per": "image", "usd": 0.03 }, … } merged over the defaults. */
  REPLICATE_PRICES: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "must be JSON" });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string(), priceSchema))
    .optional(),
});
export type ReplicateEnv = z.infer<typeof replicateEnvSchema>;

export interface RoleConfig {
  model: string;
  fallback: string | null;
  timeoutMs: number;
}

/** Everything the provider needs, resolved from the environment and the defaults. */
export interface ReplicateConfig {
  token: string;
  baseUrl: string;
  outputHosts: string[];
  maxOutputBytes: number;
  downloadTimeoutMs: number;
  http: { retries: number; baseMs: number; maxMs: number };
  attemptsPerModel: number;
  waitSeconds: number;
  poll: { intervalMs: number; maxIntervalMs: number };
  roles: Record<Role, RoleConfig>;
  prices: Record<string, Price>;
}

/**
 * Reads the provider's variables. Empty values count as unset; a bad value or a missing
 * token throws a message that names the variable.
 */
export function readReplicateConfig(
  source: Record<string, string | undefined> = process.env,
): ReplicateConfig {
  const input = Object.fromEntries(
    Object.keys(replicateEnvSchema.shape).map((name) => [
      name,
      source[name] === "" ? undefined : source[name],
    ]),
  );
  const parsed = replicateEnvSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const env = parsed.data;
  const token = env.REPLICATE_API_TOKEN ?? env.REPLICATE_API_KEY;
  if (!token) throw new Error("GENERATION_PROVIDER=replicate requires REPLICATE_API_TOKEN");
  const roleConfig = (role: Role): RoleConfig => {
    const suffix = role.toUpperCase();
    const model = env[`REPLICATE_MODEL_${suffix}` as keyof ReplicateEnv] as string | undefined;
    const fallback = env[`REPLICATE_FALLBACK_${suffix}` as keyof ReplicateEnv] as
      string | undefined;
    const defaults = DEFAULT_ROLES[role];
    return {
      model: model ?? defaults.model,
      fallback: fallback === "none" ? null : (fallback ?? defaults.fallback),
      timeoutMs: (env.REPLICATE_TIMEOUT_SECONDS ?? defaults.timeoutSec) * 1000,
    };
  };
  const roles = Object.fromEntries(
    (Object.keys(DEFAULT_ROLES) as Role[]).map((role) => [role, roleConfig(role)]),
  ) as Record<Role, RoleConfig>;
  return {
    token,
    baseUrl: env.REPLICATE_BASE_URL,
    outputHosts: env.REPLICATE_OUTPUT_HOSTS,
    maxOutputBytes: env.REPLICATE_OUTPUT_MAX_BYTES,
    downloadTimeoutMs: env.REPLICATE_DOWNLOAD_TIMEOUT_MS,
    http: {
      retries: env.REPLICATE_HTTP_RETRIES,
      baseMs: env.REPLICATE_RETRY_BASE_MS,
      maxMs: env.REPLICATE_RETRY_MAX_MS,
    },
    attemptsPerModel: env.REPLICATE_MODEL_ATTEMPTS,
    waitSeconds: env.REPLICATE_WAIT_SECONDS,
    poll: {
      intervalMs: env.REPLICATE_POLL_INTERVAL_MS,
      maxIntervalMs: env.REPLICATE_POLL_MAX_INTERVAL_MS,
    },
    roles,
    prices: { ...DEFAULT_PRICES, ...env.REPLICATE_PRICES },
  };
}
