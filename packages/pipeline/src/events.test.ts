import { getEventListeners } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { insertSession, insertUser, openDatabase, type DbConnection } from "@adgen/db";
import { createTestDatabase, type TestDatabase } from "@adgen/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createEventBus, type EventBus, type StoredEvent } from "./events";

let testDb: TestDatabase;
let bus: EventBus;
/** Reads made outside transactions, i.e. by followers (publishing reads inside one). */
let followerReads = 0;

/** The test database's connection, counting the follower reads made through it. */
function countingConnection(conn: DbConnection): DbConnection {
  const db = new Proxy(conn.db, {
    get(target, prop, receiver) {
      if (prop === "select") followerReads++;
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  return { ...conn, db };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  bus = await createEventBus(countingConnection(testDb.conn));
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
  if (count === 0) return out;
  for await (const item of stream) {
    out.push(item);
    if (out.length === count) break;
  }
  return out;
}

const step = (message: string, progress = 10) =>
  ({ stage: "image_generation", progress, message }) as const;
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
const settle = () => sleep(50);

/** Runs `work` with the global timers frozen; `sleep` still waits in real time. */
async function withFrozenTimers(work: () => Promise<void>) {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval"] });
  try {
    await work();
  } finally {
    vi.useRealTimers();
  }
}

describe("event bus", () => {
  it("replays the backlog, then follows live events in order", async () => {
    const sessionId = await newSession();
    await bus.publish(sessionId, step("queued", 0));
    await bus.publish(sessionId, step("one"));
    const follower = take(bus.follow(sessionId), 4);
    await settle();
    await bus.publish(sessionId, step("two", 50));
    await bus.publish(sessionId, {
      stage: "image_selection",
      progress: 100,
      message: "done",
      done: true,
    });
    const events = await follower;
    expect(events.map((e) => e.event.message)).toEqual(["queued", "one", "two", "done"]);
    expect(events.map((e) => e.id)).toEqual([1, 2, 3, 4]);
    expect(events[0]?.event).toMatchObject({
      sessionId,
      currentCost: 0,
      stage: "image_generation",
    });
    expect(bus.listenerCount()).toBe(0);
  });

  it("numbers each session's events 1, 2, 3… however sessions interleave", async () => {
    const [a, b] = [await newSession(), await newSession()];
    for (let i = 0; i < 3; i++) {
      await bus.publish(a, step(`a${i}`));
      await bus.publish(b, step(`b${i}`));
    }
    expect((await take(bus.follow(a), 3)).map((e) => e.id)).toEqual([1, 2, 3]);
    expect((await take(bus.follow(b), 3)).map((e) => e.id)).toEqual([1, 2, 3]);
  });

  it("resumes after lastEventId with exactly the missed events, live ones included", async () => {
    const sessionId = await newSession();
    for (let i = 0; i < 5; i++) await bus.publish(sessionId, step(`e${i}`, i * 20));
    const resumed = take(bus.follow(sessionId, { lastEventId: 2 }), 5);
    await bus.publish(sessionId, step("e5"));
    await bus.publish(sessionId, step("e6"));
    const events = await resumed;
    expect(events.map((e) => e.id)).toEqual([3, 4, 5, 6, 7]);
    expect(events.map((e) => e.event.message)).toEqual(["e2", "e3", "e4", "e5", "e6"]);
  });

  it("reads each new event once for all of a session's followers", async () => {
    const sessionId = await newSession();
    const received = Array.from({ length: 40 }, () => [] as number[]);
    const followers = received.map(async (ids) => {
      for await (const { id } of bus.follow(sessionId)) if (ids.push(id) === 11) break;
    });
    await bus.publish(sessionId, step("first"));
    // Every follower has read its backlog once it holds the first event.
    await vi.waitFor(() => expect(received.every((ids) => ids.length > 0)).toBe(true));
    const before = followerReads;
    for (let i = 0; i < 10; i++) await bus.publish(sessionId, step(`e${i}`));
    await Promise.all(followers);
    for (const ids of received) expect(ids).toEqual(range(1, 11));
    // One read per follower per event would be 400. The reader itself reads at most once per
    // event, plus a gap fill when a NOTIFY races the in-process delivery (seen on PostgreSQL).
    expect(followerReads - before).toBeLessThanOrEqual(20);
    expect(bus.listenerCount()).toBe(0);
  });

  it("costs nothing while idle: no polling, no piling abort listeners", async () => {
    const sessionId = await newSession();
    const controller = new AbortController();
    await withFrozenTimers(async () => {
      const pending = take(bus.follow(sessionId, { signal: controller.signal }), 1);
      await sleep(50);
      const before = followerReads;
      await vi.advanceTimersByTimeAsync(5 * 60_000);
      await sleep(50);
      expect(followerReads - before).toBe(0);
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
      controller.abort();
      expect(await pending).toEqual([]);
    });
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    expect(bus.listenerCount()).toBe(0);
  });

  it("stops following when the signal aborts and leaves no listener behind", async () => {
    const sessionId = await newSession();
    const controller = new AbortController();
    const stream = bus.follow(sessionId, { signal: controller.signal });
    const pending = stream.next();
    await settle();
    controller.abort();
    expect((await pending).done).toBe(true);
    expect(bus.listenerCount()).toBe(0);
  });

  it("releases a follower that stops while the backlog is being read at once", async () => {
    const sessionId = await newSession();
    const controller = new AbortController();
    // With timers frozen, a follower that waits for a poll to notice the abort never ends.
    await withFrozenTimers(async () => {
      const pending = bus.follow(sessionId, { signal: controller.signal }).next();
      // The backlog query is under way; the subscriber goes away before it returns.
      controller.abort();
      expect((await pending).done).toBe(true);
    });
    expect(bus.listenerCount()).toBe(0);
  });

  it.runIf(Boolean(process.env.DATABASE_URL))(
    "reaches a follower in another process through LISTEN/NOTIFY",
    async () => {
      const sessionId = await newSession();
      // A second connection and bus stand for a web server on another machine.
      const other = await openDatabase({ databaseUrl: testDb.url, poolSize: 2 });
      const remote = await createEventBus(other);
      try {
        const follower = take(remote.follow(sessionId), 1);
        await settle();
        await bus.publish(sessionId, step("from the worker", 5));
        const [event] = await follower;
        expect(event?.event.message).toBe("from the worker");
      } finally {
        await remote.close();
        await other.close();
      }
    },
  );

  it.runIf(Boolean(process.env.DATABASE_URL))(
    "never skips or reorders events of concurrent publishers",
    async () => {
      const sessionId = await newSession();
      const other = await openDatabase({ databaseUrl: testDb.url, poolSize: 8 });
      const remote = await createEventBus(other);
      const [publishers, each] = [8, 25];
      const total = publishers * each;
      try {
        const local = take(bus.follow(sessionId), total);
        const far = take(remote.follow(sessionId), total);
        await settle();
        // Eight writers at once, on two pools, like workers and web servers.
        await Promise.all(
          range(0, publishers - 1).map(async (p) => {
            const publisher = p % 2 ? remote : bus;
            for (let i = 0; i < each; i++) await publisher.publish(sessionId, step(`${p}:${i}`));
          }),
        );
        for (const events of [await local, await far]) {
          expect(events.map((e) => e.id)).toEqual(range(1, total));
          for (let p = 0; p < publishers; p++) {
            const mine = events.map((e) => e.event.message).filter((m) => m.startsWith(`${p}:`));
            expect(mine).toEqual(range(0, each - 1).map((i) => `${p}:${i}`));
          }
        }
      } finally {
        await remote.close();
        await other.close();
      }
    },
  );
});
