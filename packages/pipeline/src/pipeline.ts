import type { Provider } from "@adgen/agents";
import type { DbConnection, SessionRow } from "@adgen/db";
import { createLocalProvider } from "@adgen/provider-local";
import type {
  ComposeFinalVideoInput,
  GenerateClipsInput,
  GenerateImagesInput,
  SaveApprovedClipsInput,
  SaveApprovedImagesInput,
} from "@adgen/schemas";
import type { Storage } from "@adgen/storage";
import { cancelStep } from "./cancel-step";
import { deleteSession } from "./delete-session";
import type { PipelineDeps } from "./deps";
import { createEventBus } from "./events";
import { runMaintenance, type MaintenanceOptions } from "./maintenance/run-maintenance";
import { startMaintenance } from "./maintenance/start-maintenance";
import { DEAD_LETTER_QUEUE, startJobQueue, type QueueTiming } from "./queue";
import { retryFailedStep } from "./retry";
import { STEPS } from "./steps";
import { startWorker, type WorkerHandle } from "./worker";

export interface PipelineOptions {
  conn: DbConnection;
  storage: Storage;
  provider?: Provider;
  /** Run jobs in this process (`embedded`) or leave them to `apps/worker` processes (`external`). */
  workerMode: "embedded" | "external";
  /** Jobs run at once by this process's worker, all steps together. */
  workerConcurrency: number;
  /** Jobs of one user running at once across every worker (default 2). */
  jobsPerUser?: number;
  /** Model calls in flight within one job. */
  callConcurrency?: number;
  timing?: QueueTiming;
  /** Called after each job this process finished (logs, tests). */
  onJobDone?: (step: string, sessionId: string) => void;
  /** The sweep of crash debris and old rows, at start and periodically; false turns it off. */
  maintenance?: MaintenanceOptions | false;
}

export type Pipeline = Awaited<ReturnType<typeof createPipeline>>;

export async function createPipeline(options: PipelineOptions) {
  const boss = await startJobQueue(options.conn, options.timing);
  const events = await createEventBus(options.conn);
  const deps: PipelineDeps = {
    db: options.conn.db,
    storage: options.storage,
    provider: options.provider ?? createLocalProvider(),
    events,
    boss,
    callConcurrency: options.callConcurrency ?? 4,
  };
  let worker: WorkerHandle | null = null;
  if (options.workerMode === "embedded") {
    const { workerConcurrency: concurrency, jobsPerUser = 2, onJobDone } = options;
    const heartbeatSeconds = options.timing?.heartbeatSeconds ?? 20;
    worker = await startWorker(deps, { concurrency, jobsPerUser, heartbeatSeconds, onJobDone });
  }

  const maintenance =
    options.maintenance === false ? null : startMaintenance(deps, options.maintenance);

  return {
    deps,
    events,
    generateImages: (session: SessionRow, input: GenerateImagesInput) =>
      STEPS.generateImages.request(deps, session, input),
    saveApprovedImages: (session: SessionRow, input: SaveApprovedImagesInput) =>
      STEPS.saveApprovedImages.request(deps, session, input),
    generateClips: (session: SessionRow, input: GenerateClipsInput) =>
      STEPS.generateClips.request(deps, session, input),
    saveApprovedClips: (session: SessionRow, input: SaveApprovedClipsInput) =>
      STEPS.saveApprovedClips.request(deps, session, input),
    composeFinalVideo: (session: SessionRow, input: ComposeFinalVideoInput) =>
      STEPS.composeFinalVideo.request(deps, session, input),
    retry: (session: SessionRow) => retryFailedStep(deps, session),
    cancel: (session: SessionRow) => cancelStep(deps, session),
    deleteSession: (userId: string, sessionId: string) => deleteSession(deps, userId, sessionId),
    queueHealth: async () =>
      (await boss.getQueue(DEAD_LETTER_QUEUE)) ? ("ok" as const) : ("error" as const),
    /** A maintenance pass now (tests and tools pass a shorter grace). */
    runMaintenance: (overrides?: MaintenanceOptions) =>
      maintenance ? maintenance.runNow(overrides) : runMaintenance(deps, overrides),
    stop: async () => {
      await maintenance?.stop();
      await worker?.stop();
      await boss.stop({ graceful: true, timeout: 10_000 });
      await events.close();
    },
  };
}
