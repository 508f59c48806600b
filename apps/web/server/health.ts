import { checkHealth, type ApiServices } from "@adgen/api";
import type { RequestHandler } from "express";

export function createHealthHandler(services: ApiServices): RequestHandler {
  return async (_req, res) => {
    const health = await checkHealth(services);
    res.status(health.status === "ok" ? 200 : 503).json(health);
  };
}
