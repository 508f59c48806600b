import { parseLastRequest, type SessionRow } from "@adgen/db";
import type { PipelineDeps } from "./deps";
import { PipelineError } from "./errors";
import { STEPS } from "./steps";
import type { JobStep } from "./step-types";

/**
 * "Try again" after a failure: repeats the failed step with the inputs it was given, as
 * the same run, so what the failed attempt finished (a parsed prompt, the images or clips
 * made, a music bed) is kept and not paid for again.
 */
export async function retryFailedStep(deps: PipelineDeps, session: SessionRow) {
  if (session.stage !== "failed") {
    throw new PipelineError("PRECONDITION_FAILED", "Only a failed step can be retried.");
  }
  const request = parseLastRequest(session);
  if (!request) {
    throw new PipelineError("PRECONDITION_FAILED", "There is nothing to retry for this session.");
  }
  const { step: name, ...input } = request;
  const step: JobStep = STEPS[name];
  const resumeRun = session.currentRunId ?? undefined;
  return step.request(deps, session, { ...input, sessionId: session.id }, { resumeRun });
}
