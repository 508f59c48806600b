import { randomUUID } from "node:crypto";
import { moveRunStage, startRun, type SessionRow } from "@adgen/db";
import {
  canStartStep,
  STEP_FLOW,
  wrongStageMessage,
  type ApprovalStepName,
  type JobStepName,
  type StepName,
} from "@adgen/schemas";
import type { PipelineDeps } from "./deps";
import type { ProgressUpdate } from "./events";
import { PipelineError } from "./errors";
import { assertWithinBudget } from "./ledger";
import { sendGenerationJob, type GenerationJobData } from "./queue";
import type { ApprovalStep, ApprovalStepColumns, JobStep, JobStepColumns } from "./step-types";

/*
 * Turns a row of STEPS into the request users make: every step checks its stage against
 * its flow row; a job step then checks its own preconditions and the spending cap, starts
 * a run and queues its job. Mutations never do the long work themselves.
 */

function requireStage(step: StepName, session: Pick<SessionRow, "stage">) {
  if (!canStartStep(step, session.stage)) {
    throw new PipelineError("PRECONDITION_FAILED", wrongStageMessage(step, session.stage));
  }
}

/** A job step's row: its flow from STEP_FLOW, its columns, and its request. */
export function jobStep<I, F>(name: JobStepName, columns: JobStepColumns<I, F>): JobStep<I> {
  const flow = STEP_FLOW[name];
  async function request(
    deps: PipelineDeps,
    session: SessionRow,
    raw: I,
    options: { resumeRun?: string } = {},
  ) {
    requireStage(name, session);
    const input = columns.input.parse(raw);
    const found = await columns.check(deps, session, input);
    const estimate = columns.estimateMicros(deps.provider, input, found);
    await assertWithinBudget(deps.db, session.id, estimate);

    const runId = options.resumeRun ?? randomUUID();
    const run = { sessionId: session.id, runId };
    const started = await startRun(deps.db, {
      ...run,
      from: flow.from,
      to: flow.running,
      patch: columns.remember(input),
      resumes: options.resumeRun !== undefined,
    });
    // Someone else moved the session first (a double click): that request started the job.
    if (!started) {
      throw new PipelineError("PRECONDITION_FAILED", wrongStageMessage(name, flow.running));
    }
    const data: GenerationJobData = { ...run, step: name };
    try {
      // "Queued" goes into the log before the job exists, so no event of the job precedes it.
      await deps.events.publish(session.id, {
        stage: flow.running,
        progress: 0,
        message: columns.queuedMessage(input, found),
      });
      const { userId } = session;
      const job = { data, userId, expireInSeconds: columns.expireInSeconds };
      const jobId = await sendGenerationJob(deps.boss, job);
      if (!jobId) throw new Error(`pg-boss did not queue ${name} for run ${runId}`);
    } catch (error) {
      const reason = "Could not start the job. Please try again.";
      const failed = { ...run, from: flow.running, to: "failed" as const };
      if (await moveRunStage(deps.db, failed, { error: reason })) {
        const end: ProgressUpdate = {
          stage: "failed",
          progress: 100,
          message: reason,
          error: reason,
          done: true,
        };
        await deps.events.publish(session.id, end).catch(() => undefined);
      }
      throw error;
    }
    return { jobId: runId };
  }
  return {
    ...flow,
    name,
    queue: columns.queue,
    expireInSeconds: columns.expireInSeconds,
    run: columns.run,
    request,
  };
}

/** An approval step's row: its flow from STEP_FLOW, and a request that applies it at once. */
export function approvalStep<I, R>(
  name: ApprovalStepName,
  columns: ApprovalStepColumns<I, R>,
): ApprovalStep<I, R> {
  return {
    ...STEP_FLOW[name],
    name,
    request: async (deps, session, raw) => {
      requireStage(name, session);
      return columns.apply(deps, session, columns.input.parse(raw));
    },
  };
}
