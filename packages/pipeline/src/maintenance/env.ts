import { z } from "zod";

const seconds = z.coerce
  .number()
  .int()
  .min(0)
  .max(30 * 86_400)
  .optional();

const maintenanceEnvSchema = z.object({
  /** How often each process sweeps crash debris and old rows (default 600). */
  MAINTENANCE_INTERVAL_SECONDS: seconds,
  /** A stored file without a row is deleted once it is this old (default 3600). */
  ORPHAN_GRACE_SECONDS: seconds,
});

/** The maintenance settings the environment overrides; unset ones keep their defaults. */
export function maintenanceSettingsFromEnv(source: NodeJS.ProcessEnv = process.env) {
  const parsed = maintenanceEnvSchema.safeParse({
    MAINTENANCE_INTERVAL_SECONDS: source.MAINTENANCE_INTERVAL_SECONDS || undefined,
    ORPHAN_GRACE_SECONDS: source.ORPHAN_GRACE_SECONDS || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const env = parsed.data;
  return {
    ...(env.MAINTENANCE_INTERVAL_SECONDS !== undefined && {
      intervalMs: Math.max(1, env.MAINTENANCE_INTERVAL_SECONDS) * 1000,
    }),
    ...(env.ORPHAN_GRACE_SECONDS !== undefined && {
      orphanGraceMs: env.ORPHAN_GRACE_SECONDS * 1000,
    }),
  };
}
