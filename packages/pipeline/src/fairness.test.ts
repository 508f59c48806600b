import type { Provider } from "@adgen/agents";
import { insertSession, insertUser } from "@adgen/db";
import { usdToMicros } from "@adgen/schemas";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startPipeline, type PipelineHarness } from "./test/harness";
import { overrideModel } from "./test/models";

/*
 * Issue 9, fault 3: a worker runs WORKER_CONCURRENCY jobs at once across every step, and a
 * user at most JOBS_PER_USER of them: one account's backlog waits without blocking others.
 */

let h: PipelineHarness;
/** Every job starts by parsing its prompt: parses wait here, naming the job that runs. */
const running: string[] = [];
let openGate = () => {};
const gate = new Promise<void>((resolve) => (openGate = resolve));

function gatedParse(provider: Provider): Provider {
  return overrideModel(provider, "promptParser", (base) => ({
    parse: async (req) => {
      running.push(req.productPrompt);
      await gate;
      return base.parse(req);
    },
  }));
}

beforeAll(async () => {
  h = await startPipeline({ wrap: gatedParse, workerConcurrency: 2, jobsPerUser: 1 });
});
afterAll(async () => {
  openGate();
  await h.close();
});

async function userWithSessions(name: string, count: number) {
  const db = h.testDb.conn.db;
  const userId = `${name}-${Math.random().toString(36).slice(2)}`;
  await insertUser(db, { id: userId, email: `${userId}@example.com`, passwordHash: "x" });
  return Promise.all(
    Array.from({ length: count }, () =>
      insertSession(db, { userId, budgetMicros: usdToMicros(10) }),
    ),
  );
}

describe("fair, bounded work", () => {
  it("runs another user's job while one user's backlog waits its turn", async () => {
    const busy = await userWithSessions("busy", 3);
    const [other] = await userWithSessions("other", 1);
    const ask = async (session: (typeof busy)[number], label: string) => {
      await h.pipeline.generateImages(session, {
        sessionId: session.id,
        productPrompt: `${label} ceramic mug`,
        numImages: 4,
        styleKeywords: [],
      });
    };
    // The busy user asks first and three times; the other user asks last.
    for (const [i, session] of busy.entries()) await ask(session, `busy-${i}`);
    await ask(other!, "other-0");

    await vi.waitFor(() => expect(running).toHaveLength(2), { timeout: 30_000 });
    expect(new Set(running)).toEqual(new Set(["busy-0 ceramic mug", "other-0 ceramic mug"]));

    openGate();
    for (const session of [...busy, other!]) await h.untilDone(session.id);
    for (const session of [...busy, other!]) {
      expect((await h.reload(session.id)).stage).toBe("image_selection");
    }
    // The busy user's jobs ran one after another.
    expect(running.filter((p) => p.startsWith("busy"))).toEqual([
      "busy-0 ceramic mug",
      "busy-1 ceramic mug",
      "busy-2 ceramic mug",
    ]);
  });
});
