import { ModelCallError, type CallOptions, type ModelCall } from "@adgen/agents";
import type { z } from "zod";
import { callModel, type ReplicateContext } from "../client/call-model";
import { estimateUsd } from "../client/cost";
import { choicesFor } from "../client/call-model";
import { textInput } from "../inputs";
import { outputText } from "../output/urls";

/** The JSON value in a model's reply: fences and prose around it are ignored. */
export function extractJson(text: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text)?.[1];
  const body = fenced ?? text;
  const start = body.search(/[[{]/);
  const end = Math.max(body.lastIndexOf("}"), body.lastIndexOf("]"));
  if (start < 0 || end < start) throw new Error("no JSON object in the reply");
  return JSON.parse(body.slice(start, end + 1));
}

type Checked<T> = { ok: true; value: T } | { ok: false; text: string; problem: string };

function check<T>(text: string, schema: z.ZodType<T>): Checked<T> {
  let json: unknown;
  try {
    json = extractJson(text);
  } catch (error) {
    return { ok: false, text, problem: `it is not valid JSON (${(error as Error).message})` };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
    .join("; ");
  return { ok: false, text, problem: `it does not match the shape asked for (${issues})` };
}

export const UNREADABLE_REPLY =
  "The language model did not answer in the format asked for, even after being asked to correct it. Try again.";

/**
 * Asks the instruct LLM for JSON of `schema`'s shape. An invalid reply gets one repair
 * round (the model sees its answer and what is wrong with it); a second invalid reply is
 * a clear failure. Both rounds are billed and counted.
 */
export async function askForJson<T>(
  ctx: ReplicateContext,
  req: { system: string; prompt: string; schema: z.ZodType<T> } & CallOptions,
): Promise<ModelCall<T>> {
  const ask = (prompt: string) =>
    callModel<Checked<T>>(ctx, {
      role: "llm",
      label: "language model",
      signal: req.signal,
      onBillable: req.onBillable,
      input: (choice) => textInput(choice.family, { system: req.system, prompt }),
      produces: () => ({}),
      finish: async (prediction) => check(outputText(prediction.output), req.schema),
    });
  const first = await ask(req.prompt);
  if (first.output.ok) return { ...first, output: first.output.value };
  const repair = await ask(
    `${req.prompt}\n\nYour previous answer was:\n${first.output.text.slice(0, 4000)}\n\n` +
      `It cannot be used because ${first.output.problem}. Reply again with only the corrected JSON.`,
  ).catch((error: unknown) => {
    if (error instanceof ModelCallError) {
      const d = error.details;
      throw new ModelCallError(error.message, { ...d, costUsd: d.costUsd + first.costUsd });
    }
    throw error;
  });
  const costUsd = first.costUsd + repair.costUsd;
  const durationMs = first.durationMs + repair.durationMs;
  if (repair.output.ok)
    return { output: repair.output.value, costUsd, durationMs, model: repair.model };
  throw new ModelCallError(UNREADABLE_REPLY, {
    model: repair.model,
    costUsd,
    durationMs,
    retryable: false,
  });
}

/** The expected cost of one JSON answer on the configured LLM. */
export function llmEstimate(ctx: ReplicateContext): number {
  return estimateUsd(choicesFor(ctx.config, "llm")[0]?.price, {});
}
