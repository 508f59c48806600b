import type { AppRouter } from "@adgen/api";
import { holdSessionRowLock } from "@adgen/db/testing";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { followUntil } from "./test/flow";
import { createClient, startTestServer, type TestServer } from "./test/harness";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** A user with two clients, so two clicks are two HTTP requests (one client would batch). */
async function userWithTwoClients() {
  const anon = createClient(server.baseUrl);
  const { sessionToken } = await anon.client.auth.signup.mutate({
    email: `double-${Math.random().toString(36).slice(2)}@example.com`,
    password: "long-enough-pw",
  });
  anon.close();
  const first = createClient(server.baseUrl, { token: sessionToken });
  const second = createClient(server.baseUrl, { token: sessionToken });
  return {
    clients: [first.client, second.client] as const,
    close: () => {
      first.close();
      second.close();
    },
  };
}

type Client = Awaited<ReturnType<typeof userWithTwoClients>>["clients"][number];

/** One success and one PRECONDITION_FAILED, then the step runs once: one "Queued", N images. */
async function expectOneJob(
  client: Client,
  sessionId: string,
  results: PromiseSettledResult<unknown>[],
) {
  expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  const refusals = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
  expect(refusals).toHaveLength(1);
  expect(refusals[0]).toBeInstanceOf(TRPCClientError);
  const refusal = refusals[0] as TRPCClientError<AppRouter>;
  expect(refusal.data?.code).toBe("PRECONDITION_FAILED");
  expect(refusal.message).toBe("Images are still being generated. Wait for them to finish.");

  // The whole log from the start, until the step is done.
  const events = await followUntil(client, sessionId, ["image_selection", "failed"]);
  expect(events.at(-1)).toMatchObject({ stage: "image_selection", done: true });
  expect(events.filter((e) => e.message.startsWith("Queued"))).toHaveLength(1);

  const session = await client.sessions.get.query({ sessionId });
  expect(session.generatedImages).toHaveLength(4);
  const costs = await client.sessions.costs.query({ sessionId });
  const calls = (agent: string) => costs.lines.filter((l) => l.agent === agent && l.success);
  expect(calls("prompt_parser")).toHaveLength(1);
  expect(calls("image_generator")).toHaveLength(4);
}

const request = (sessionId: string) => ({
  sessionId,
  productPrompt: "Ceramic pour-over coffee dripper",
  numImages: 4,
});

describe("a double click", () => {
  it("starts one image job: one success, one refusal, one Queued event, N images", async () => {
    const { clients, close } = await userWithTwoClients();
    const { sessionId } = await clients[0].sessions.create.mutate();
    const results = await Promise.allSettled(
      clients.map((c) => c.generation.generateImages.mutate(request(sessionId))),
    );
    await expectOneJob(clients[0], sessionId, results);
    close();
  });

  // Two requests a few milliseconds apart are usually told apart by the stage check that
  // comes first. Holding the row makes both pass that check and meet at the stage move, so
  // this proves the move itself is conditional. A second connection needs PostgreSQL.
  it.runIf(Boolean(process.env.DATABASE_URL))(
    "starts one job when both clicks pass the stage check: the stage move lets one through",
    async () => {
      const { clients, close } = await userWithTwoClients();
      const { sessionId } = await clients[0].sessions.create.mutate();
      const lock = await holdSessionRowLock(server.testDb.url!, sessionId);
      const clicks = Promise.allSettled(
        clients.map((c) => c.generation.generateImages.mutate(request(sessionId))),
      );
      await lock.waitForWaiters(2);
      await lock.release();
      await expectOneJob(clients[0], sessionId, await clicks);
      close();
    },
  );
});
