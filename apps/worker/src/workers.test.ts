import { spawn, type ChildProcess } from "node:child_process";
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
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url));

/** Workers are separate processes sharing one PostgreSQL, so this needs DATABASE_URL. */
describe.runIf(Boolean(process.env.DATABASE_URL))("stand-alone workers", () => {
  let testDb: TestDatabase;
  let dataDir: string;
  let pipeline: Pipeline;
  const workers: ChildProcess[] = [];
  const output = new Map<ChildProcess, string>();

  function startWorker() {
    const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
      env: {
        ...process.env,
        DATABASE_URL: testDb.url,
        DATA_DIR: dataDir,
        WORKER_CONCURRENCY: "1",
        CALL_CONCURRENCY: "1",
        JOB_HEARTBEAT_SECONDS: "10",
        JOB_SUPERVISE_SECONDS: "1",
        JOB_RETRY_DELAY_SECONDS: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    output.set(child, "");
    child.stdout?.on("data", (chunk: Buffer) =>
      output.set(child, output.get(child) + chunk.toString()),
    );
    child.stderr?.on("data", (chunk: Buffer) =>
      output.set(child, output.get(child) + chunk.toString()),
    );
    workers.push(child);
    return child;
  }

  async function waitFor(
    sessionId: string,
    predicate: (e: { stage: Stage; message: string; done?: boolean }) => boolean,
    after = 0,
  ) {
    const controller = new AbortController();
    for await (const { id, event } of pipeline.events.follow(sessionId, {
      lastEventId: after,
      signal: controller.signal,
    })) {
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
    for (const child of workers) if (child.exitCode === null) child.kill("SIGKILL");
    await pipeline.stop();
    await testDb.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("finishes a clip job after its worker is killed mid-way, with nothing made or charged twice", async () => {
    const first = startWorker();
    let session = await newSession();
    await pipeline.generateImages(session, {
      sessionId: session.id,
      productPrompt: "Amber glass serum bottle",
      numImages: 4,
      styleKeywords: [],
    });
    const imagesDone = await waitFor(session.id, (e) => e.done === true);
    expect((await reload(session.id)).stage).toBe("image_selection");

    const images = await listSessionAssets(testDb.conn.db, session.id, "image");
    session = await reload(session.id);
    await pipeline.saveApprovedImages(session, {
      sessionId: session.id,
      approvedImageIds: images.slice(0, 3).map((i) => i.id),
    });
    session = await reload(session.id);
    await pipeline.generateClips(session, {
      sessionId: session.id,
      videoPrompt: "Slow push-in, soft light",
      clipDuration: 2,
    });

    await waitFor(session.id, (e) => e.message === "Generated clip 1 of 3…", imagesDone);
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    const clipsBefore = await listSessionAssets(testDb.conn.db, session.id, "video");
    expect(clipsBefore.length).toBeGreaterThanOrEqual(1);
    expect(clipsBefore.length).toBeLessThan(3);

    const second = startWorker();
    await waitFor(session.id, (e) => e.stage === "clip_selection" && e.done === true, imagesDone);
    second.kill("SIGTERM");

    const clips = await listSessionAssets(testDb.conn.db, session.id, "video");
    expect(clips).toHaveLength(3);
    expect(new Set(clips.map((c) => c.sourceImageId)).size).toBe(3);
    // The clips finished before the crash are the same rows, not remade.
    for (const before of clipsBefore) expect(clips.map((c) => c.id)).toContain(before.id);
    const lines = await listSessionCosts(testDb.conn.db, session.id);
    const succeeded = lines.filter((l) => l.success);
    expect(succeeded.filter((l) => l.agent === "video_generator")).toHaveLength(3);
    expect(succeeded.filter((l) => l.agent === "video_analyst")).toHaveLength(3);
    expect(succeeded.filter((l) => l.agent === "scene_planner")).toHaveLength(1);
    expect(succeeded.filter((l) => l.agent === "image_generator")).toHaveLength(4);
    await new Promise((resolve) =>
      second.exitCode === null ? second.once("exit", resolve) : resolve(null),
    );
  });

  it("shares jobs between two workers with no asset made twice", async () => {
    const a = startWorker();
    const b = startWorker();
    const sessions = await Promise.all(Array.from({ length: 4 }, () => newSession()));
    for (const s of sessions) {
      await pipeline.generateImages(s, {
        sessionId: s.id,
        productPrompt: "Red leather sneaker",
        numImages: 4,
        styleKeywords: [],
      });
    }
    await Promise.all(sessions.map((s) => waitFor(s.id, (e) => e.done === true)));
    for (const s of sessions) {
      const rows = await listSessionAssets(testDb.conn.db, s.id);
      expect(rows).toHaveLength(4);
      expect(new Set(rows.map((r) => r.workKey)).size).toBe(4);
      expect((await reload(s.id)).stage).toBe("image_selection");
    }
    const finishedBy = (child: ChildProcess) =>
      (output.get(child) ?? "").match(/finished generate-images/g)?.length ?? 0;
    expect(finishedBy(a) + finishedBy(b)).toBe(4);
    expect(finishedBy(a)).toBeGreaterThan(0);
    expect(finishedBy(b)).toBeGreaterThan(0);
  });
});
