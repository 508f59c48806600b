import { z } from "zod";
import { MediaError } from "./errors";

const optionalPath = z.string().trim().min(1).optional();

export const mediaEnvSchema = z.object({
  FFMPEG_PATH: optionalPath,
  FFPROBE_PATH: optionalPath,
  /** Searched for `ffmpeg`/`ffprobe` when the explicit paths are unset. */
  PATH: z.string().default(""),
});
export type MediaEnv = z.infer<typeof mediaEnvSchema>;

export type EnvSource = Record<string, string | undefined>;

/**
 * Reads and validates the media variables. An empty value counts as unset, as it does
 * in most .env files; a bad value throws a message that names the variable.
 */
export function readMediaEnv(source: EnvSource = process.env): MediaEnv {
  const input = Object.fromEntries(
    Object.keys(mediaEnvSchema.shape).map((name) => [
      name,
      source[name] === "" ? undefined : source[name],
    ]),
  );
  const parsed = mediaEnvSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new MediaError("CONFIG", `Invalid media configuration:\n${lines.join("\n")}`);
}
