import { appendFileSync, readFileSync } from "node:fs";
import { ModelCallError, type Provider } from "@adgen/agents";

/*
 * The provider's side of the books: every call that returned (or failed with a charge) is
 * appended to a log file the moment it ends, before the pipeline sees it, so the audit can
 * compare what was paid with what the ledger recorded. A call cut short by a kill never
 * returned and is not counted as paid.
 */

/** Ledger agent names, by the provider model that makes each kind of call. */
const AGENTS = {
  promptParser: "prompt_parser",
  imageModel: "image_generator",
  scenePlanner: "scene_planner",
  videoModel: "video_generator",
  videoAnalyst: "video_analyst",
  musicModel: "music",
} as const;

type ModelName = keyof typeof AGENTS;

/** The agents whose calls are paid (and logged here); others (the compositor) cost nothing. */
export const PAID_AGENTS: readonly string[] = Object.values(AGENTS);

const METHODS: Record<ModelName, string> = {
  promptParser: "parse",
  imageModel: "generate",
  scenePlanner: "plan",
  videoModel: "animate",
  videoAnalyst: "analyse",
  musicModel: "compose",
};

export interface PaidCall {
  agent: string;
  costUsd: number;
  ok: boolean;
  pid: number;
  /** When it ended (epoch ms). */
  at: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Wraps each model so that every call waits `latencyMs` first (a kill can then land inside
 * parsing, planning and music, which are instant offline) and is logged when it ends.
 */
export function withPaidCallLog(base: Provider, logFile: string, latencyMs: number): Provider {
  const wrapped = { ...base } as Record<string, unknown>;
  for (const model of Object.keys(AGENTS) as ModelName[]) {
    const original = base[model] as unknown as Record<string, (req: unknown) => Promise<unknown>>;
    const method = METHODS[model];
    const call = original[method];
    if (!call) throw new Error(`${model} has no ${method}`);
    const record = (costUsd: number, ok: boolean) =>
      appendFileSync(
        logFile,
        `${JSON.stringify({ agent: AGENTS[model], costUsd, ok, pid: process.pid, at: Date.now() } satisfies PaidCall)}\n`,
      );
    wrapped[model] = {
      ...original,
      [method]: async (req: unknown) => {
        if (latencyMs) await sleep(latencyMs);
        try {
          const result = (await call.call(original, req)) as { costUsd: number };
          record(result.costUsd, true);
          return result;
        } catch (error) {
          if (error instanceof ModelCallError) record(error.details.costUsd, false);
          throw error;
        }
      },
    };
  }
  return wrapped as unknown as Provider;
}

export function readPaidCalls(logFile: string): PaidCall[] {
  let text = "";
  try {
    text = readFileSync(logFile, "utf8");
  } catch {
    return [];
  }
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as PaidCall);
}
