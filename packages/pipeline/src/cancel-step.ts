import { moveRunStage, type SessionRow } from "@adgen/db";
import { runningStep, STEP_FLOW, type Stage } from "@adgen/schemas";
import { cancelSessionJobs } from "./delete-session";
import type { PipelineDeps } from "./deps";
import { PipelineError } from "./errors";

/**
 * Stops the step running in `session` (`generation.cancel`): the session goes back to the
 * stage the step started from, in one conditional update on the run, so the run stops
 * being current. Its attempt notices at its next lease beat and aborts its signal, which
 * cancels the model calls in flight (the Replicate provider cancels their predictions) and
 * starts no new ones; its jobs are cancelled, so a queued one never runs. What finished
 * before the cancel is kept and stays charged; nothing more is spent.
 */
export async function cancelStep(
  deps: Pick<PipelineDeps, "db" | "boss" | "events">,
  session: SessionRow,
): Promise<{ stage: Stage }> {
  const step = runningStep(session.stage);
  if (!step || !session.currentRunId) {
    throw new PipelineError(
      "PRECONDITION_FAILED",
      "Nothing is running, so there is nothing to cancel.",
    );
  }
  const flow = STEP_FLOW[step];
  // The stage the run left (startRun remembers it); the step's first start stage otherwise.
  const back = session.lastGoodStage ?? flow.from[0] ?? "created";
  const moved = await moveRunStage(
    deps.db,
    { sessionId: session.id, runId: session.currentRunId, from: session.stage, to: back },
    { error: null },
  );
  if (!moved) {
    throw new PipelineError("PRECONDITION_FAILED", `The ${flow.label} step has already ended.`);
  }
  await cancelSessionJobs(deps, session.id).catch((error: unknown) => {
    console.error(`[cancel] could not cancel the jobs of session ${session.id}:`, error);
  });
  const label = flow.label.charAt(0).toUpperCase() + flow.label.slice(1);
  await deps.events.publish(session.id, {
    stage: back,
    progress: 0,
    message: `${label} cancelled. Nothing more will be charged.`,
    done: true,
  });
  return { stage: back };
}
