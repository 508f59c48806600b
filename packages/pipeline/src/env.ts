import { z } from "zod";

const pipelineEnvSchema = z.object({
  WORKER_MODE: z
    .enum(["embedded", "external"], { error: "must be embedded or external" })
    .default("embedded"),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  /** Jobs of one user running at once, across all worker processes (the rest wait their turn). */
  JOBS_PER_USER: z.coerce.number().int().min(1).max(32).default(2),
  /** Model calls in flight within one job. */
  CALL_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(4),
  /** A worker silent this long is presumed dead and its job retried (pg-boss minimum: 10). */
  JOB_HEARTBEAT_SECONDS: z.coerce.number().int().min(10).max(600).default(20),
  JOB_SUPERVISE_SECONDS: z.coerce.number().int().min(1).max(600).default(15),
  JOB_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(600).default(2),
  /** `replicate` also needs REPLICATE_API_TOKEN, checked when the provider is built. */
  GENERATION_PROVIDER: z
    .enum(["local", "replicate"], { error: "must be local or replicate" })
    .default("local"),
});

export type PipelineEnv = z.infer<typeof pipelineEnvSchema>;

export function readPipelineEnv(source: NodeJS.ProcessEnv = process.env): PipelineEnv {
  const parsed = pipelineEnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return parsed.data;
}

/** The job settings both the web server and a stand-alone worker take from the environment. */
export function jobSettingsFromEnv(env: PipelineEnv) {
  return {
    workerConcurrency: env.WORKER_CONCURRENCY,
    jobsPerUser: env.JOBS_PER_USER,
    callConcurrency: env.CALL_CONCURRENCY,
    timing: {
      heartbeatSeconds: env.JOB_HEARTBEAT_SECONDS,
      superviseIntervalSeconds: env.JOB_SUPERVISE_SECONDS,
      retryDelaySeconds: env.JOB_RETRY_DELAY_SECONDS,
    },
  };
}
