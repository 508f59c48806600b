import type { SessionRow } from "@adgen/db";
import { composeFinalVideoInput, generateClipsInput, generateImagesInput } from "@adgen/schemas";
import type { PipelineDeps } from "./deps";
import { PipelineError } from "./errors";
import { requestClips, requestComposition, requestImages } from "./requests";

/** "Try again" after a failure: repeats the failed step with the inputs it was given. */
export async function retryFailedStep(deps: PipelineDeps, session: SessionRow) {
  if (session.stage !== "failed") throw new PipelineError("PRECONDITION_FAILED", "Only a failed step can be retried.");
  const request = { ...session.lastRequest, sessionId: session.id } as Record<string, unknown>;
  switch (request.step) {
    case "generateImages":
      return requestImages(deps, session, generateImagesInput.parse(request));
    case "generateClips":
      return requestClips(deps, session, generateClipsInput.parse(request));
    case "composeFinalVideo":
      return requestComposition(deps, session, composeFinalVideoInput.parse(request));
    default:
      throw new PipelineError("PRECONDITION_FAILED", "There is nothing to retry for this session.");
  }
}
