import { z } from "zod";

const cliEnvSchema = z.object({
  ADGEN_URL: z.url({ error: "ADGEN_URL must be a URL such as http://localhost:3000" }).optional(),
  ADGEN_TOKEN: z.string().min(1).optional(),
});

export function readCliEnv(source: NodeJS.ProcessEnv = process.env) {
  const parsed = cliEnvSchema.safeParse({
    ADGEN_URL: source.ADGEN_URL || undefined,
    ADGEN_TOKEN: source.ADGEN_TOKEN || undefined,
  });
  if (!parsed.success)
    throw new Error(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
  return parsed.data;
}
