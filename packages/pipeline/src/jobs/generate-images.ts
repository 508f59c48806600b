import { randomUUID } from "node:crypto";
import {
  parsedPromptSchema,
  runUnitBatch,
  type ParsedPrompt,
  type ViewPrompt,
} from "@adgen/agents";
import { eq, sessions, type SessionRow } from "@adgen/db";
import { generateImagesInput, usdToMicros } from "@adgen/schemas";
import type { PipelineDeps } from "../deps";
import { callMicros } from "../estimates";
import { commitAsset, recordCost, reserveBudget } from "../ledger";
import { userFacingError } from "../user-facing-error";
import { beginAttempt, completeRun, doneWorkKeys, settleFailedAttempt } from "./run-guard";
import { paidCall } from "./paid-call";
import { recordFailedCall } from "./unit-costs";

const STAGE = "image_generation" as const;
const IMAGE_SIZE = 1024;

/** Parses the prompt once per run: a retried job reuses the stored result and is not charged again. */
async function parsePromptOnce(deps: PipelineDeps, session: SessionRow, runId: string): Promise<ParsedPrompt> {
  const stored = session.plan as { runId?: string; parsedPrompt?: unknown };
  if (stored.runId === runId && stored.parsedPrompt) return parsedPromptSchema.parse(stored.parsedPrompt);

  const request = generateImagesInput.parse({ ...session.lastRequest, sessionId: session.id });
  const model = deps.provider.promptParser;
  const { call, success } = await paidCall(
    deps,
    { sessionId: session.id, stage: STAGE, agent: "prompt_parser", model: model.id, workKey: `parse:${runId}` },
    callMicros(model),
    () => model.parse({ productPrompt: request.productPrompt, styleKeywords: request.styleKeywords, numViews: request.numImages }),
  );
  const parsed = parsedPromptSchema.parse(call.output);
  await recordCost(deps.db, success);
  await deps.db
    .update(sessions)
    .set({ plan: { runId, parsedPrompt: parsed }, consistencySeed: parsed.consistencySeed, styleKeywords: parsed.styleKeywords })
    .where(eq(sessions.id, session.id));
  return parsed;
}

export async function runImageJob(deps: PipelineDeps, data: { sessionId: string; runId: string }, finalAttempt: boolean) {
  const { sessionId, runId } = data;
  const attempt = await beginAttempt(deps, data, STAGE);
  if (!attempt) return;
  const { session, progress } = attempt;
  const publish = (percent: number, message: string) => progress.report(percent, message);

  try {
    await publish(3, "Reading your product description…");
    const parsed = await parsePromptOnce(deps, session, runId);
    const views = parsed.views;
    const done = await doneWorkKeys(deps, sessionId, "image");
    const workKey = (index: number) => `image:${runId}:${index}`;
    let finished = views.filter((_, i) => done.has(workKey(i))).length;
    await publish(10, `Generating ${views.length} images of "${parsed.productDescription}"…`);

    const model = deps.provider.imageModel;
    const reserved = callMicros(model);
    const line = (index: number) => ({ sessionId, stage: STAGE, agent: "image_generator", model: model.id, workKey: workKey(index), reservedMicros: reserved });

    const summary = await runUnitBatch<ViewPrompt, Awaited<ReturnType<typeof model.generate>>>(
      views,
      deps.callConcurrency,
      (view) =>
        model.generate({
          prompt: view.prompt,
          negativePrompt: view.negativePrompt,
          viewType: view.viewType,
          seed: parsed.consistencySeed,
          width: IMAGE_SIZE,
          height: IMAGE_SIZE,
        }),
      {
        isDone: async (_view, index) => done.has(workKey(index)),
        beforeCall: async () => reserveBudget(deps.db, sessionId, reserved),
        onSuccess: async (view, index, call) => {
          const id = randomUUID();
          const extension = call.output.contentType === "image/jpeg" ? "jpg" : call.output.contentType === "image/webp" ? "webp" : "png";
          const storageKey = `sessions/${sessionId}/images/${id}.${extension}`;
          const stored = await deps.storage.put(storageKey, call.output.bytes, { contentType: call.output.contentType });
          const row = await commitAsset(
            deps.db,
            {
              id,
              sessionId,
              type: "image",
              storageKey,
              contentType: call.output.contentType,
              byteSize: stored.size,
              workKey: workKey(index),
              viewType: view.viewType,
              seed: parsed.consistencySeed,
              width: call.output.width,
              height: call.output.height,
              metadata: { prompt: view.prompt, negativePrompt: view.negativePrompt, runId, viewIndex: index },
              costMicros: usdToMicros(call.costUsd),
              model: call.model,
              generationMs: Math.round(call.durationMs),
            },
            { ...line(index), model: call.model, costMicros: usdToMicros(call.costUsd), durationMs: Math.round(call.durationMs), success: true },
          );
          if (!row) await deps.storage.delete(storageKey);
          finished++;
          await publish(10 + Math.round((80 * finished) / views.length), `Generated image ${finished} of ${views.length}…`);
        },
        onFailure: async (view, index, error) => {
          await recordFailedCall(deps, line(index), error);
          const reason = userFacingError(error, STAGE);
          const name = view.viewType.replace("_", " ");
          const percent = 10 + Math.round((80 * finished) / views.length);
          await publish(percent, `The ${name} view failed: ${reason}`);
        },
      },
    );

    await progress.flush();
    const note = summary.failed > 0 ? ` (${summary.failed} failed)` : "";
    await completeRun(deps, data, STAGE, "image_selection", `${summary.succeeded + summary.skipped} images ready${note}. Approve at least 2.`);
  } catch (error) {
    const reason = userFacingError(error, STAGE);
    await settleFailedAttempt(deps, data, STAGE, progress, error, reason, finalAttempt);
  }
}
