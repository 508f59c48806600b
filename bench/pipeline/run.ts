/**
 * Pipeline benchmark (issue 3): wall time of 6 images and 4 clips through the real
 * pipeline (PGlite, local storage, pg-boss jobs) on the local provider, run in parallel and
 * one call at a time; then the same with a provider that only simulates a fixed model
 * latency, where the speed-up should approach the batch size.
 *
 *   pnpm --filter @adgen/bench run pipeline
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Provider } from "@adgen/agents";
import {
  findSessionById,
  insertSession,
  insertUser,
  listSessionAssets,
  migrateDatabase,
  openDatabase,
} from "@adgen/db";
import { createPipeline } from "@adgen/pipeline";
import { createLocalProvider } from "@adgen/provider-local";
import { createLocalStorage } from "@adgen/storage";
import { fixedLatencyProvider } from "./fixed-latency-provider";

interface Timing {
  imagesMs: number;
  clipsMs: number;
}

async function timeFlow(
  provider: Provider,
  callConcurrency: number,
  images: number,
  clips: number,
): Promise<Timing> {
  const dir = await mkdtemp(path.join(tmpdir(), "adgen-bench-"));
  const conn = await openDatabase({});
  await migrateDatabase(conn);
  const pipeline = await createPipeline({
    conn,
    storage: createLocalStorage({ root: path.join(dir, "media") }),
    provider,
    workerMode: "embedded",
    workerConcurrency: 1,
    callConcurrency,
  });
  try {
    await insertUser(conn.db, { id: "bench", email: "bench@example.com", passwordHash: "x" });
    let session = await insertSession(conn.db, { userId: "bench", budgetMicros: 10_000_000 });
    const reload = async () => (await findSessionById(conn.db, session.id))!;
    const waitDone = async (after: number) => {
      const controller = new AbortController();
      for await (const { id, event } of pipeline.events.follow(session.id, {
        lastEventId: after,
        signal: controller.signal,
      })) {
        if (event.done) {
          controller.abort();
          if (event.error) throw new Error(event.error);
          return id;
        }
      }
      throw new Error("event stream ended");
    };

    let started = performance.now();
    await pipeline.generateImages(session, {
      sessionId: session.id,
      productPrompt: "Matte black aluminium water bottle",
      numImages: images,
      styleKeywords: [],
    });
    const afterImages = await waitDone(0);
    const imagesMs = performance.now() - started;

    const made = await listSessionAssets(conn.db, session.id, "image");
    session = await reload();
    await pipeline.saveApprovedImages(session, {
      sessionId: session.id,
      approvedImageIds: made.slice(0, clips).map((a) => a.id),
    });
    session = await reload();
    started = performance.now();
    await pipeline.generateClips(session, {
      sessionId: session.id,
      videoPrompt: "Slow orbit on a marble counter",
      clipDuration: 3,
    });
    await waitDone(afterImages);
    return { imagesMs, clipsMs: performance.now() - started };
  } finally {
    await pipeline.stop();
    await conn.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function report(
  title: string,
  parallel: Timing,
  sequential: Timing,
  images: number,
  clips: number,
) {
  console.log(`\n${title}`);
  console.log(
    `  ${images} images: parallel ${seconds(parallel.imagesMs)}, one at a time ${seconds(sequential.imagesMs)}, speed-up ${(sequential.imagesMs / parallel.imagesMs).toFixed(2)}×`,
  );
  console.log(
    `  ${clips} clips:  parallel ${seconds(parallel.clipsMs)}, one at a time ${seconds(sequential.clipsMs)}, speed-up ${(sequential.clipsMs / parallel.clipsMs).toFixed(2)}×`,
  );
}

const IMAGES = 6;
const CLIPS = 4;
const LATENCY_MS = 1_000;

console.log(
  `Pipeline benchmark — ${IMAGES} images, ${CLIPS} clips of 3 s; PGlite, local storage, embedded worker.`,
);
const local = createLocalProvider();
// Warm-up: first ffmpeg/canvas start-up and PGlite initialisation are not what we measure.
await timeFlow(local, 4, 4, 2);
report(
  "Local provider (CPU-bound renders on this machine's cores):",
  await timeFlow(local, 8, IMAGES, CLIPS),
  await timeFlow(local, 1, IMAGES, CLIPS),
  IMAGES,
  CLIPS,
);

const slow = fixedLatencyProvider(local, LATENCY_MS);
// Warm-up: the first call of each kind makes the real output that later calls reuse.
await timeFlow(slow, 8, 4, 2);
report(
  `Simulated remote model (${LATENCY_MS} ms fixed latency per call, no local work):`,
  await timeFlow(slow, 8, IMAGES, CLIPS),
  await timeFlow(slow, 1, IMAGES, CLIPS),
  IMAGES,
  CLIPS,
);
console.log(
  `\nIdeal speed-up with a fixed latency is the batch size (${IMAGES}× and ${CLIPS}×), minus database and queue overhead.`,
);
