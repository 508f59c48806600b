import { runUnitBatch, type ParsedPrompt, type ViewPrompt } from "@adgen/agents";
import { findSessionById, listDoneWorkKeys, parsePlan, type SessionRow } from "@adgen/db";
import { parsedPromptSchema } from "@adgen/schemas";
import type { PipelineDeps } from "../deps";
import {
  billingRecorder,
  callMicros,
  commitPlan,
  commitUnit,
  paidCall,
  recordFailedCall,
  reserve,
  RunLostError,
} from "../ledger";
import type { JobAttempt, RunningAttempt } from "../step-types";
import { userFacingError } from "../user-facing-error";
import { requireSession, runAttempt } from "./run-guard";
import { storedRequest } from "./stored-request";

const IMAGE_SIZE = 1024;
const EXTENSIONS: Record<string, string> = { "image/jpeg": "jpg", "image/webp": "webp" };

/**
 * Parses the prompt once per run: a retried job reuses the stored result and is not charged
 * again. The parse and its cost line are saved together, so a crash cannot split them.
 */
async function parsePromptOnce(
  deps: PipelineDeps,
  attempt: RunningAttempt,
  session: SessionRow,
): Promise<ParsedPrompt> {
  const { runId } = attempt;
  const stored = parsePlan(session);
  if (stored.runId === runId && stored.parsedPrompt) return stored.parsedPrompt;

  const request = storedRequest(session, "generateImages");
  const model = deps.provider.promptParser;
  const line = {
    sessionId: session.id,
    stage: attempt.flow.running,
    agent: "prompt_parser",
    model: model.id,
    workKey: `parse:${runId}`,
  };
  const reserved = callMicros(model);
  const call = await paidCall(deps, attempt, line, reserved, async (options) => {
    const answer = await model.parse({
      productPrompt: request.productPrompt,
      styleKeywords: request.styleKeywords,
      numViews: request.numImages,
      ...options,
    });
    // A model's answer is checked like any input; a malformed one is a failed call.
    return { ...answer, output: parsedPromptSchema.parse(answer.output) };
  });
  const parsed = call.output;
  const saved = await commitPlan(deps.db, attempt, line, reserved, call, {
    plan: { runId, parsedPrompt: parsed },
    consistencySeed: parsed.consistencySeed,
    styleKeywords: parsed.styleKeywords,
  });
  if (saved === "saved") return parsed;
  // Another attempt of this run saved its parse first: everyone goes on with that one.
  const winner = parsePlan(await findSessionById(deps.db, session.id).then(requireSession));
  if (winner.runId !== runId || !winner.parsedPrompt) throw new RunLostError();
  return winner.parsedPrompt;
}

export async function runImageJob(deps: PipelineDeps, job: JobAttempt) {
  const { sessionId, runId } = job;
  const stage = job.flow.running;
  await runAttempt(deps, job, async (session, progress, attempt) => {
    await progress.report(3, "Reading your product description…");
    const parsed = await parsePromptOnce(deps, attempt, session);
    const views = parsed.views;
    const done = await listDoneWorkKeys(deps.db, sessionId, "image");
    const workKey = (index: number) => `image:${runId}:${index}`;
    let finished = views.filter((_, i) => done.has(workKey(i))).length;
    const percent = () => 10 + Math.round((80 * finished) / views.length);
    await progress.report(
      10,
      `Generating ${views.length} images of "${parsed.productDescription}"…`,
    );

    const model = deps.provider.imageModel;
    const reserved = callMicros(model);
    const line = (index: number) => ({
      sessionId,
      stage,
      agent: "image_generator",
      model: model.id,
      workKey: workKey(index),
    });

    const summary = await runUnitBatch<ViewPrompt, Awaited<ReturnType<typeof model.generate>>>(
      views,
      deps.callConcurrency,
      (view, index) =>
        model.generate({
          prompt: view.prompt,
          negativePrompt: view.negativePrompt,
          viewType: view.viewType,
          seed: parsed.consistencySeed,
          width: IMAGE_SIZE,
          height: IMAGE_SIZE,
          signal: attempt.signal,
          onBillable: billingRecorder(deps.db, attempt, line(index)),
        }),
      {
        isDone: async (_view, index) => done.has(workKey(index)),
        beforeCall: async (_view, index) => reserve(deps, attempt, reserved, line(index)),
        onSuccess: async (view, index, call) => {
          const { bytes, contentType } = call.output;
          await commitUnit(deps, attempt, {
            sessionId,
            stage,
            workKey: workKey(index),
            kind: "image",
            file: { bytes, contentType, extension: EXTENSIONS[contentType] ?? "png" },
            asset: {
              viewType: view.viewType,
              seed: parsed.consistencySeed,
              width: call.output.width,
              height: call.output.height,
              metadata: {
                prompt: view.prompt,
                negativePrompt: view.negativePrompt,
                runId,
                viewIndex: index,
              },
            },
            charges: [{ agent: "image_generator", billed: call, reservedMicros: reserved }],
          });
          finished++;
          await progress.report(percent(), `Generated image ${finished} of ${views.length}…`);
        },
        onFailure: async (view, index, error) => {
          // A lost run stops quietly: no call was made, and the run is not this attempt's.
          if (error instanceof RunLostError) return;
          await recordFailedCall(deps.db, attempt, line(index), reserved, error);
          const name = view.viewType.replace("_", " ");
          await progress.report(
            percent(),
            `The ${name} view failed: ${userFacingError(error, stage)}`,
          );
        },
      },
    );

    const note = summary.failed > 0 ? ` (${summary.failed} failed)` : "";
    const ready = summary.succeeded + summary.skipped;
    return { message: `${ready} images ready${note}. Approve at least 2.` };
  });
}
