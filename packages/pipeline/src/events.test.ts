import { insertSession, insertUser, openDatabase } from "@adgen/db";
import { createTestDatabase, type TestDatabase } from "@adgen/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEventBus, type EventBus, type StoredEvent } from "./events";

let testDb: TestDatabase;
let bus: EventBus;

beforeAll(async () => {
  testDb = await createTestDatabase();
  bus = await createEventBus(testDb.conn);
});
afterAll(async () => {
  await bus.close();
  await testDb.drop();
});

async function newSession() {
  const id = `u-${Math.random().toString(36).slice(2)}`;
  await insertUser(testDb.conn.db, { id, email: `${id}@example.com`, passwordHash: "x" });
  return (await insertSession(testDb.conn.db, { userId: id, budgetMicros: 1 })).id;
}

async function take(stream: AsyncGenerator<StoredEvent>, count: number) {
  const out: StoredEvent[] = [];
  for await (const item of stream) {
    out.push(item);
    if (out.length === count) break;
  }
  return out;
}

describe("event bus", () => {
  it("replays the backlog, then follows live events in order", async () => {
    const sessionId = await newSession();
    await bus.publish(sessionId, { stage: "image_generation", progress: 0, message: "queued" });
    await bus.publish(sessionId, { stage: "image_generation", progress: 10, message: "one" });
    const follower = take(bus.follow(sessionId), 4);
    await new Promise((r) => setTimeout(r, 50));
    await bus.publish(sessionId, { stage: "image_generation", progress: 50, message: "two" });
    await bus.publish(sessionId, {
      stage: "image_selection",
      progress: 100,
      message: "done",
      done: true,
    });
    const events = await follower;
    expect(events.map((e) => e.event.message)).toEqual(["queued", "one", "two", "done"]);
    expect(events.map((e) => e.id)).toEqual([...events.map((e) => e.id)].sort((a, b) => a - b));
    expect(events[0]?.event).toMatchObject({
      sessionId,
      currentCost: 0,
      stage: "image_generation",
    });
    expect(bus.listenerCount()).toBe(0);
  });

  it("resumes after lastEventId with exactly the missed events", async () => {
    const sessionId = await newSession();
    const published: StoredEvent[] = [];
    for (let i = 0; i < 5; i++)
      published.push(
        await bus.publish(sessionId, {
          stage: "clip_generation",
          progress: i * 20,
          message: `e${i}`,
        }),
      );
    const resumed = await take(bus.follow(sessionId, { lastEventId: published[1]!.id }), 3);
    expect(resumed.map((e) => e.event.message)).toEqual(["e2", "e3", "e4"]);
  });

  it("stops following when the signal aborts and leaves no listener behind", async () => {
    const sessionId = await newSession();
    const controller = new AbortController();
    const stream = bus.follow(sessionId, { signal: controller.signal });
    const pending = stream.next();
    await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    expect((await pending).done).toBe(true);
    expect(bus.listenerCount()).toBe(0);
  });

  it.runIf(Boolean(process.env.DATABASE_URL))(
    "reaches a follower in another process through LISTEN/NOTIFY",
    async () => {
      const sessionId = await newSession();
      // A second connection and bus stand for a web server on another machine. Its fallback
      // poll is far beyond the test timeout, so only a notification can deliver the event.
      const other = await openDatabase({ databaseUrl: testDb.url, poolSize: 2 });
      const remote = await createEventBus(other, { fallbackPollMs: 3_600_000 });
      try {
        const follower = take(remote.follow(sessionId), 1);
        await new Promise((r) => setTimeout(r, 100));
        await bus.publish(sessionId, {
          stage: "image_generation",
          progress: 5,
          message: "from the worker",
        });
        const [event] = await follower;
        expect(event?.event.message).toBe("from the worker");
      } finally {
        await remote.close();
        await other.close();
      }
    },
  );
});
