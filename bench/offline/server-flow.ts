import path from "node:path";
import {
  findSessionById,
  insertSession,
  insertUser,
  listSessionAssets,
  migrateDatabase,
  openDatabase,
  type SessionRow,
} from "@adgen/db";
import {
  createPipeline,
  jobSettingsFromEnv,
  readPipelineEnv,
  type Pipeline,
} from "@adgen/pipeline";
import { composeFinalVideoInput } from "@adgen/schemas";
import { createLocalStorage, type Storage } from "@adgen/storage";
import { measure, type Measurement } from "../compose/cpu-time";

/** The flow issue 13 measures: 6 images, 3 of them animated into 3 s clips, an ad with music. */
export const FLOW = {
  images: 6,
  clips: 3,
  clipSeconds: 3,
  productPrompt: "Matte black aluminium water bottle with a bamboo lid",
  videoPrompt: "Slow premium reveal with soft camera moves",
  textOverlay: { productName: "Summit Bottle", cta: "Shop now" },
  genre: "upbeat",
} as const;

export interface FlowTimings {
  images: Measurement;
  clips: Measurement;
  compose: Measurement;
}

/** Seconds from each step's request to its job's first progress report. */
export type StepPickup = Record<keyof FlowTimings, number>;

export interface OfflineServer {
  pipeline: Pipeline;
  conn: Awaited<ReturnType<typeof openDatabase>>;
  storage: Storage;
  stop: () => Promise<void>;
}

/**
 * The server's own path, as apps/web runs it by default: PGlite, local storage, pg-boss with
 * the worker embedded in this process, the local provider, and the server's job settings
 * (WORKER_CONCURRENCY, CALL_CONCURRENCY defaults).
 */
export async function startOfflineServer(dir: string): Promise<OfflineServer> {
  const conn = await openDatabase({});
  await migrateDatabase(conn);
  const storage = createLocalStorage({ root: path.join(dir, "media") });
  const { workerConcurrency, callConcurrency } = jobSettingsFromEnv(readPipelineEnv({}));
  const pipeline = await createPipeline({
    conn,
    storage,
    workerMode: "embedded",
    workerConcurrency,
    callConcurrency,
  });
  await insertUser(conn.db, { id: "bench", email: "bench@example.com", passwordHash: "x" });
  return {
    pipeline,
    conn,
    storage,
    stop: async () => {
      await pipeline.stop();
      await conn.close();
    },
  };
}

/**
 * Waits for the step's final progress event (done), failing on a step error. Also notes when
 * the job's first report arrived (progress above 0): the wait for a worker to take the job.
 */
async function stepDone(
  server: OfflineServer,
  sessionId: string,
  after: number,
  started: number,
): Promise<{ lastEvent: number; pickupSec: number }> {
  const controller = new AbortController();
  let pickupSec = Number.NaN;
  for await (const { id, event } of server.pipeline.events.follow(sessionId, {
    lastEventId: after,
    signal: controller.signal,
  })) {
    if (Number.isNaN(pickupSec) && event.progress > 0)
      pickupSec = (performance.now() - started) / 1000;
    if (event.done) {
      controller.abort();
      if (event.error) throw new Error(event.error);
      return { lastEvent: id, pickupSec };
    }
  }
  throw new Error("The progress stream ended before the step did");
}

/**
 * One whole flow on a new session; each step timed from its request to its last progress
 * event, as a user waits for it. Approvals are instant requests and not counted.
 */
export async function runFlow(
  server: OfflineServer,
): Promise<{ session: SessionRow; timings: FlowTimings; pickupSec: StepPickup }> {
  const { pipeline, conn } = server;
  const created = await insertSession(conn.db, { userId: "bench", budgetMicros: 10_000_000 });
  const sessionId = created.id;
  const reload = async () => (await findSessionById(conn.db, sessionId))!;
  let lastEvent = 0;
  const pickup: number[] = [];
  const step = (request: (session: SessionRow) => Promise<unknown>) =>
    measure(async () => {
      const started = performance.now();
      await request(await reload());
      const done = await stepDone(server, sessionId, lastEvent, started);
      lastEvent = done.lastEvent;
      pickup.push(done.pickupSec);
    });

  const images = await step((session) =>
    pipeline.generateImages(session, {
      sessionId,
      productPrompt: FLOW.productPrompt,
      numImages: FLOW.images,
      styleKeywords: [],
    }),
  );
  const made = await listSessionAssets(conn.db, sessionId, "image");
  await pipeline.saveApprovedImages(await reload(), {
    sessionId,
    approvedImageIds: made.slice(0, FLOW.clips).map((a) => a.id),
  });
  const clips = await step((session) =>
    pipeline.generateClips(session, {
      sessionId,
      videoPrompt: FLOW.videoPrompt,
      clipDuration: FLOW.clipSeconds,
    }),
  );
  const clipIds = (await listSessionAssets(conn.db, sessionId, "video")).map((a) => a.id);
  await pipeline.saveApprovedClips(await reload(), {
    sessionId,
    approvedClipIds: clipIds,
    clipOrder: clipIds,
  });
  const compose = await step((session) =>
    pipeline.composeFinalVideo(
      session,
      composeFinalVideoInput.parse({
        sessionId,
        textOverlay: FLOW.textOverlay,
        audio: { enabled: true, genre: FLOW.genre },
      }),
    ),
  );
  const [imagesPickup = 0, clipsPickup = 0, composePickup = 0] = pickup;
  return {
    session: await reload(),
    timings: { images, clips, compose },
    pickupSec: { images: imagesPickup, clips: clipsPickup, compose: composePickup },
  };
}
