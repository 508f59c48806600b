import { randomUUID } from "node:crypto";
import { appendFileSync, readFileSync } from "node:fs";
import { ModelCallError, type CallOptions, type Provider } from "@adgen/agents";

/*
 * The provider's side of the books: every call that returned (or failed with a charge) is
 * appended to a log file the moment it ends, before the pipeline sees it, so the audit can
 * compare what was paid with what the ledger recorded. A call cut short by a kill never
 * returned and is not counted as paid. Like a Replicate prediction, each call has a
 * reference, handed to the pipeline as it starts; `settleInterrupted` reads the books
 * by it, as Replicate's API answers for a prediction's id.
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
  /** The reference the pipeline noted when the call started. */
  ref: string;
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
    const record = (ref: string, costUsd: number, ok: boolean) =>
      appendFileSync(
        logFile,
        `${JSON.stringify({ agent: AGENTS[model], costUsd, ok, pid: process.pid, at: Date.now(), ref } satisfies PaidCall)}\n`,
      );
    wrapped[model] = {
      ...original,
      [method]: async (req: CallOptions) => {
        const ref = `chaos:${process.pid}:${randomUUID()}`;
        await req.onBillable?.(ref);
        if (latencyMs) await sleep(latencyMs);
        try {
          const result = (await call.call(original, req)) as { costUsd: number };
          record(ref, result.costUsd, true);
          return result;
        } catch (error) {
          if (error instanceof ModelCallError) record(ref, error.details.costUsd, false);
          throw error;
        }
      },
    };
  }
  wrapped.settleInterrupted = (refs: string[]) => settleFromLog(logFile, refs);
  return wrapped as unknown as Provider;
}

/** Whether process `pid` is still running. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * What the calls behind `refs` were billed, from the books: a call that ended is billed what
 * it logged; one whose process has died without logging it never returned and never will,
 * so it was billed nothing; one whose process still runs cannot be priced yet (null).
 */
async function settleFromLog(logFile: string, refs: string[]): Promise<number | null> {
  const calls = readPaidCalls(logFile);
  let usd = 0;
  for (const ref of refs) {
    const paid = calls.find((c) => c.ref === ref);
    if (paid) {
      usd += paid.costUsd;
      continue;
    }
    const [kind, pid] = ref.split(":");
    if (kind !== "chaos" || !pid) return null;
    if (isRunning(Number(pid))) return null;
  }
  return usd;
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
