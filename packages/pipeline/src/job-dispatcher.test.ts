import { createTestDatabase, type TestDatabase } from "@adgen/db/testing";
import type { PgBoss } from "pg-boss";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startDispatcher } from "./job-dispatcher";
import { jobWake } from "./job-wake";
import {
  GENERATION_QUEUE,
  sendGenerationJob,
  startJobQueue,
  type GenerationJobData,
} from "./queue";

/*
 * Issue 13: an idle dispatcher starts a job when it is sent, and a job held back by its
 * user's limit when that user's running job ends, not at the next poll. The poll here is a
 * minute away: a dispatcher that waited for it would not start the job before the test's
 * timeout.
 */

const POLL_MS = 60_000;
let testDb: TestDatabase;
let boss: PgBoss;
/** Fetches that found no job: a dispatcher that just made one is going idle. */
let emptyFetches = 0;
/** Job runs: started, in order, and each waits for its own release. */
const started: string[] = [];
const releases = new Map<string, () => void>();
let stopDispatcher = async () => {};

beforeAll(async () => {
  testDb = await createTestDatabase();
  boss = await startJobQueue(testDb.conn);
  const fetch = boss.fetch.bind(boss);
  boss.fetch = (async (...args: Parameters<PgBoss["fetch"]>) => {
    const jobs = await fetch(...args);
    if (jobs.length === 0) emptyFetches++;
    return jobs;
  }) as PgBoss["fetch"];
});
afterEach(async () => {
  for (const release of releases.values()) release();
  await stopDispatcher();
});
afterAll(async () => {
  await boss?.stop({ graceful: false });
  await testDb?.drop();
});

function dispatch(onBoss: PgBoss = boss) {
  const dispatcher = startDispatcher<GenerationJobData>(onBoss, {
    queue: GENERATION_QUEUE,
    concurrency: 2,
    jobsPerGroup: 1,
    pollIntervalMs: POLL_MS,
    heartbeatSeconds: 20,
    run: async (job) => {
      started.push(job.data.runId);
      await new Promise<void>((resolve) => releases.set(job.data.runId, resolve));
    },
  });
  stopDispatcher = () => dispatcher.stop();
}

let sent = 0;
async function send(userId: string, onBoss: PgBoss = boss) {
  const runId = `run-${++sent}`;
  const data: GenerationJobData = { sessionId: `session-${sent}`, runId, step: "generateImages" };
  await sendGenerationJob(onBoss, { data, userId, expireInSeconds: 60 });
  return runId;
}

/** Until the dispatcher has looked for work and found none since `after` empty fetches. */
const untilIdle = (after: number) =>
  vi.waitFor(() => expect(emptyFetches).toBeGreaterThan(after), { timeout: 15_000 });
const untilStarted = (runId: string) =>
  vi.waitFor(() => expect(started).toContain(runId), { timeout: 15_000 });

describe("the job dispatcher wakes", () => {
  it("when a job is sent, though its next poll is a minute away", async () => {
    const before = emptyFetches;
    dispatch();
    await untilIdle(before);
    await untilStarted(await send("user-a"));
  });

  it("when its user's running job ends, for the job the user's limit held back", async () => {
    // Both are queued before the dispatcher starts: no send wakes it.
    const first = await send("user-b");
    const second = await send("user-b");
    const before = emptyFetches;
    dispatch();
    await untilStarted(first);
    // The fetch after the first job's found the second held back by the limit (1 per user).
    await untilIdle(before);
    expect(started).not.toContain(second);
    releases.get(first)!();
    await untilStarted(second);
  });

  it("on PostgreSQL, when another process sends a job", async ({ skip }) => {
    if (testDb.conn.driver !== "pg") skip("one process on PGlite");
    // Another pg-boss on the same database stands in for a web server's process.
    const other = await startJobQueue(testDb.conn);
    try {
      const before = emptyFetches;
      dispatch();
      await jobWake(boss).listening();
      await untilIdle(before);
      await untilStarted(await send("user-c", other));
    } finally {
      await other.stop({ graceful: false });
    }
  });
});
