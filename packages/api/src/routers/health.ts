import { pingDatabase } from "@adgen/db";
import { publicProcedure } from "../trpc";
import type { ApiServices } from "../context";

export async function checkHealth(services: ApiServices) {
  const database = await pingDatabase(services.db)
    .then(() => "ok" as const)
    .catch(() => "error" as const);
  const queue = await services.pipeline.queueHealth().catch(() => "error" as const);
  const status = database === "ok" && queue === "ok" ? ("ok" as const) : ("degraded" as const);
  return { status, version: services.version, database, queue };
}

export const healthProcedure = publicProcedure.query(({ ctx }) => checkHealth(ctx));
