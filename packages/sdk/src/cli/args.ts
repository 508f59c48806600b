import { parseArgs } from "node:util";
import { UsageError } from "./usage";

const OPTIONS = {
  json: { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  help: { type: "boolean", short: "h" },
  email: { type: "string" },
  password: { type: "string" },
  "video-prompt": { type: "string" },
  name: { type: "string" },
  cta: { type: "string" },
  images: { type: "string" },
  approve: { type: "string" },
  duration: { type: "string" },
  music: { type: "string" },
  format: { type: "string" },
  font: { type: "string" },
  color: { type: "string" },
  out: { type: "string" },
  resume: { type: "string" },
  concurrency: { type: "string" },
  "out-dir": { type: "string" },
  from: { type: "string" },
} as const;

export type CliFlags = ReturnType<typeof parseCli>["flags"];

/** Which flags each command takes, beyond --json, --quiet and --help. */
const ALLOWED: Record<string, (keyof typeof OPTIONS)[]> = {
  signup: ["email", "password"],
  login: ["email", "password"],
  logout: [],
  make: [
    ...(["video-prompt", "name", "cta", "images", "approve", "duration"] as const),
    ...(["music", "format", "font", "color", "out", "resume"] as const),
  ],
  batch: ["concurrency", "out-dir", "approve"],
  list: [],
  status: [],
  watch: ["from"],
  costs: [],
  download: ["out"],
  delete: [],
};
const POSITIONALS: Record<string, string | undefined> = {
  batch: "<file.jsonl|file.csv>",
  status: "<sessionId>",
  watch: "<sessionId>",
  costs: "<sessionId>",
  download: "<sessionId>",
  delete: "<sessionId>",
};

export function parseCli(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    // node:util's messages are already one readable line ("Unknown option '--x'").
    throw new UsageError((error as Error).message.split(/\n|\. To specify/)[0]!);
  }
  const { values: flags, positionals } = parsed;
  const [command, ...args] = positionals;
  if (!command || flags.help) return { command: "help" as const, args, flags };
  const allowed = ALLOWED[command];
  if (!allowed) throw new UsageError(`Unknown command "${command}". Run adgen --help.`);
  for (const flag of Object.keys(flags) as (keyof typeof OPTIONS)[]) {
    if (["json", "quiet", "help"].includes(flag) || allowed.includes(flag)) continue;
    throw new UsageError(`adgen ${command} does not take --${flag}.`);
  }
  const positional = POSITIONALS[command];
  if (positional && args.length !== 1)
    throw new UsageError(`adgen ${command} takes one argument: ${positional}.`);
  if (!positional && command !== "make" && args.length > 0)
    throw new UsageError(`adgen ${command} takes no arguments.`);
  return { command, args, flags };
}

/** A whole number flag within bounds, or a usage error naming the flag. */
export function intFlag(value: string | undefined, flag: string, min: number, max: number) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}.`);
  return n;
}

/** A number flag (seconds and the like), or a usage error naming the flag. */
export function numberFlag(value: string | undefined, flag: string) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n))
    throw new UsageError(`--${flag} must be a number.`);
  return n;
}
