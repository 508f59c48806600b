import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  findSessionById,
  insertSession,
  insertUser,
  listSessionAssets,
  listSessionCosts,
  type SessionRow,
} from "@adgen/db";
import { createTestDatabase, type TestDatabase } from "@adgen/db/testing";
import { createPipeline, type Pipeline } from "@adgen/pipeline";
import type { Stage } from "@adgen/schemas";
import { createLocalStorage } from "@adgen/storage";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url));
const PRICED_WORKER = fileURLToPath(new URL("./test/priced-worker.ts", import.meta.url));
/** Each image and video call of the priced worker takes at least this long. */
const MODEL_LATENCY_MS = 1_500;

function run(entry: string, env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { child, exited, output: () => output };
}

describe("a stand-alone worker", () => {
  it("refuses to start without DATABASE_URL, saying why", async () => {
    const worker = run(MAIN, { DATABASE_URL: "" });
    expect(await worker.exited).toBe(1);
    expect(worker.output()).toContain("DATABASE_URL is required");
  });
});

/** Workers are separate processes sharing one PostgreSQL, so these need DATABASE_URL. */
describe.runIf(Boolean(process.env.DATABASE_URL))("stand-alone workers", () => {
  let testDb: TestDatabase;
  let dataDir: string;
  let pipeline: Pipeline;
  const workers: ReturnType<typeof run>[] = [];

  function startWorker() {
    const worker = run(PRICED_WORKER, {
      DATABASE_URL: testDb.url,
      DATA_DIR: dataDir,
      WORKER_CONCURRENCY: "1",
      CALL_CONCURRENCY: "1",
      JOB_HEARTBEAT_SECONDS: "10",
      JOB_SUPERVISE_SECONDS: "1",
      JOB_RETRY_DELAY_SECONDS: "1",
      MODEL_LATENCY_MS: String(MODEL_LATENCY_MS),
    });
    workers.push(worker);
    return worker;
  }

  /** The id of the first event after `after` that matches; a hang ends the test by its timeout. */
  async function waitFor(
    sessionId: string,
    predicate: (e: { stage: Stage; message: string; done?: boolean }) => boolean,
    after = 0,
  ) {
    const controller = new AbortController();
    const events = pipeline.events.follow(sessionId, {
      lastEventId: after,
      signal: controller.signal,
    });
    for await (const { id, event } of events) {
      if (predicate(event)) {
        controller.abort();
        return id;
      }
    }
    throw new Error("stream ended");
  }

  async function newSession(): Promise<SessionRow> {
    const id = `u-${Math.random().toString(36).slice(2)}`;
    await insertUser(testDb.conn.db, { id, email: `${id}@example.com`, passwordHash: "x" });
    return insertSession(testDb.conn.db, { userId: id, budgetMicros: 10_000_000 });
  }

  const reload = async (id: string) => (await findSessionById(testDb.conn.db, id))!;
  const costs = async (sessionId: string) => {
    const lines = await listSessionCosts(testDb.conn.db, sessionId);
    return { lines, totalMicros: lines.reduce((sum, l) => sum + l.costMicros, 0) };
  };
  const successes = (lines: { agent: string; success: boolean }[], agent: string) =>
    lines.filter((l) => l.success && l.agent === agent).length;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), "adgen-workers-"));
    pipeline = await createPipeline({
      conn: testDb.conn,
      storage: createLocalStorage({ root: path.join(dataDir, "media") }),
      workerMode: "external",
      workerConcurrency: 1,
    });
  });

  afterAll(async () => {
    for (const { child } of workers) if (child.exitCode === null) child.kill("SIGKILL");
    await pipeline.stop();
    await testDb.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  // Two worker processes, a heartbeat to expire and three clips: minutes on a busy machine.
  it(
    "finishes a clip job after its worker is killed mid-way, charging every call once",
    {
      timeout: 240_000,
    },
    async () => {
      const first = startWorker();
      let session = await newSession();
      const images = { productPrompt: "Amber glass serum bottle", numImages: 4, styleKeywords: [] };
      await pipeline.generateImages(session, { sessionId: session.id, ...images });
      const imagesDone = await waitFor(session.id, (e) => e.done === true);
      expect((await reload(session.id)).stage).toBe("image_selection");

      const stills = await listSessionAssets(testDb.conn.db, session.id, "image");
      const approvedImageIds = stills.slice(0, 3).map((i) => i.id);
      session = await reload(session.id);
      await pipeline.saveApprovedImages(session, { sessionId: session.id, approvedImageIds });
      session = await reload(session.id);
      const clipsAsked = { videoPrompt: "Slow push-in, soft light", clipDuration: 2 };
      await pipeline.generateClips(session, { sessionId: session.id, ...clipsAsked });

      // One clip at a time, each at least MODEL_LATENCY_MS: the kill lands before the next one.
      await waitFor(session.id, (e) => e.message === "Generated clip 1 of 3…", imagesDone);
      first.child.kill("SIGKILL");
      await first.exited;
      const clipsBefore = await listSessionAssets(testDb.conn.db, session.id, "video");
      expect(clipsBefore.length).toBeGreaterThanOrEqual(1);
      expect(clipsBefore.length).toBeLessThan(3);

      const second = startWorker();
      await waitFor(session.id, (e) => e.stage === "clip_selection" && e.done === true, imagesDone);
      second.child.kill("SIGTERM");
      await second.exited;

      const clips = await listSessionAssets(testDb.conn.db, session.id, "video");
      expect(new Set(clips.map((c) => c.sourceImageId))).toEqual(new Set(approvedImageIds));
      // The clips finished before the crash are the same rows, not remade.
      for (const before of clipsBefore) expect(clips.map((c) => c.id)).toContain(before.id);
      const { lines, totalMicros } = await costs(session.id);
      expect(successes(lines, "prompt_parser")).toBe(1);
      expect(successes(lines, "image_generator")).toBe(4);
      expect(successes(lines, "scene_planner")).toBe(1);
      expect(successes(lines, "video_generator")).toBe(3);
      expect(successes(lines, "video_analyst")).toBe(3);
      // Images 0.001 + 4 × 0.003, clips 0.002 + 3 × (2 s × 0.01 + 0.0005): each call once,
      // plus the clip the kill cut short, charged at its estimate as an interrupted line
      // (it may have been paid just before the kill).
      const interrupted = lines.filter((l) => l.status === "interrupted");
      expect(interrupted.length).toBeLessThanOrEqual(2);
      const interruptedMicros = interrupted.reduce((sum, l) => sum + l.costMicros, 0);
      expect(interruptedMicros).toBeLessThanOrEqual(20_500);
      expect(totalMicros).toBe(13_000 + 2_000 + 3 * 20_500 + interruptedMicros);
      expect(await reload(session.id)).toMatchObject({
        stage: "clip_selection",
        totalCostMicros: totalMicros,
        reservedMicros: 0,
      });
    },
  );

  it("shares jobs between two workers, each session charged exactly once", async () => {
    const a = startWorker();
    const b = startWorker();
    const sessions = await Promise.all(Array.from({ length: 4 }, () => newSession()));
    const images = { productPrompt: "Red leather sneaker", numImages: 4, styleKeywords: [] };
    for (const s of sessions) await pipeline.generateImages(s, { sessionId: s.id, ...images });
    await Promise.all(sessions.map((s) => waitFor(s.id, (e) => e.done === true)));
    for (const s of sessions) {
      expect(await listSessionAssets(testDb.conn.db, s.id)).toHaveLength(4);
      const { lines, totalMicros } = await costs(s.id);
      expect(lines.map((l) => l.success)).toEqual(Array(5).fill(true));
      expect(totalMicros).toBe(13_000);
      expect(await reload(s.id)).toMatchObject({
        stage: "image_selection",
        totalCostMicros: 13_000,
        reservedMicros: 0,
      });
    }
    const finishedBy = (w: ReturnType<typeof run>) =>
      w.output().match(/finished generateImages/g)?.length ?? 0;
    // A worker logs a job after its done event: wait for the lines (the timeout detects a hang).
    await vi.waitFor(() => expect(finishedBy(a) + finishedBy(b)).toBe(4), { timeout: 30_000 });
    expect(finishedBy(a)).toBeGreaterThan(0);
    expect(finishedBy(b)).toBeGreaterThan(0);
  });
});
