import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/**
 * The data folder when DATA_DIR is unset: `<repo>/data`, found from this file's place in the
 * repository (packages/db/src), not from the working directory — so it never lands inside
 * a folder a server serves, such as apps/web, whichever folder the process starts in.
 */
export const defaultDataDir = fileURLToPath(new URL("../../../data", import.meta.url));

/** DATA_DIR as an absolute path: unset or blank means `defaultDataDir`; relative is from cwd. */
export function resolveDataDir(value: string | undefined): string {
  const dir = value?.trim();
  return dir ? path.resolve(dir) : defaultDataDir;
}

const dbEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.url({ error: "DATABASE_URL must be a postgres:// connection string" }).optional()),
  DATA_DIR: z.string().optional().transform(resolveDataDir),
});

export type DbEnv = z.infer<typeof dbEnvSchema> & { PGLITE_DIR: string };

/** Reads the database configuration once; a bad value stops start-up naming the variable. */
export function readDbEnv(source: NodeJS.ProcessEnv = process.env): DbEnv {
  const parsed = dbEnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `Invalid ${issue?.path.join(".") ?? "database"} configuration: ${issue?.message}`,
    );
  }
  return { ...parsed.data, PGLITE_DIR: path.join(parsed.data.DATA_DIR, "pglite") };
}
