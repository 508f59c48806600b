import { z } from "zod";
import { idSchema } from "./common";

export const listSessionsInput = z
  .object({
    cursor: z.string().max(200).optional(),
    limit: z
      .number()
      .int({ error: "Limit must be a whole number" })
      .min(1, { error: "Limit must be at least 1" })
      .max(50, { error: "Limit must be at most 50" })
      .default(20),
  })
  .default({ limit: 20 });
export type ListSessionsInput = z.infer<typeof listSessionsInput>;

export const createSessionInput = z.object({}).strict().default({});

export const getSessionInput = z.object({ sessionId: idSchema });
