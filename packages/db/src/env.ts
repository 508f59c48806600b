import path from "node:path";
import { z } from "zod";

const dbEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.url({ error: "DATABASE_URL must be a postgres:// connection string" }).optional()),
  DATA_DIR: z.string().trim().min(1).default("./data"),
});

export type DbEnv = z.infer<typeof dbEnvSchema> & { PGLITE_DIR: string };

/** Reads the database configuration once; a bad value stops start-up naming the variable. */
export function readDbEnv(source: NodeJS.ProcessEnv = process.env): DbEnv {
  const parsed = dbEnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid ${issue?.path.join(".") ?? "database"} configuration: ${issue?.message}`);
  }
  return { ...parsed.data, PGLITE_DIR: path.resolve(parsed.data.DATA_DIR, "pglite") };
}
