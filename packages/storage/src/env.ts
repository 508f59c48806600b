import { resolveDataDir } from "@adgen/db";
import { z } from "zod";
import { StorageError } from "./errors";

const flag = z
  .enum(["true", "false", "1", "0"], { error: 'must be "true" or "false"' })
  .transform((value) => value === "true" || value === "1");

export const storageEnvSchema = z
  .object({
    STORAGE_DRIVER: z.enum(["local", "s3"], { error: 'must be "local" or "s3"' }).default("local"),
    /** Absolute; unset means `<repo>/data`, the database's folder too (one definition in db). */
    DATA_DIR: z.string().optional().transform(resolveDataDir),
    S3_BUCKET_NAME: z.string().min(1).optional(),
    S3_REGION: z.string().min(1).default("us-east-1"),
    S3_ENDPOINT: z.url({ error: "must be a URL such as http://127.0.0.1:9000" }).optional(),
    S3_FORCE_PATH_STYLE: flag.default(false),
    /** Lifetime of presigned GET URLs; S3 caps SigV4 presigning at 7 days. */
    S3_URL_EXPIRES_IN: z.coerce.number().int().min(1).max(604_800).default(3600),
    AWS_ACCESS_KEY_ID: z.string().min(1).optional(),
    AWS_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.STORAGE_DRIVER === "s3" && !env.S3_BUCKET_NAME) {
      ctx.addIssue({
        code: "custom",
        path: ["S3_BUCKET_NAME"],
        message: "is required when STORAGE_DRIVER=s3",
      });
    }
    // One key without the other is a typo, not a request for the SDK's default chain.
    if (Boolean(env.AWS_ACCESS_KEY_ID) !== Boolean(env.AWS_SECRET_ACCESS_KEY)) {
      const missing = env.AWS_ACCESS_KEY_ID ? "AWS_SECRET_ACCESS_KEY" : "AWS_ACCESS_KEY_ID";
      ctx.addIssue({
        code: "custom",
        path: [missing],
        message: "must be set together with its pair",
      });
    }
  });
export type StorageEnv = z.infer<typeof storageEnvSchema>;

export type EnvSource = Record<string, string | undefined>;

/**
 * Reads and validates the storage variables. An empty value counts as unset, as it does
 * in most .env files; a bad value throws a message that names the variable.
 */
export function readStorageEnv(source: EnvSource = process.env): StorageEnv {
  const input = Object.fromEntries(
    Object.keys(storageEnvSchema.shape).map((name) => [
      name,
      source[name] === "" ? undefined : source[name],
    ]),
  );
  const parsed = storageEnvSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new StorageError("config", `Invalid storage configuration:\n${lines.join("\n")}`);
}
