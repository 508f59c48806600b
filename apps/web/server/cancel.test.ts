import { withPricesAndFaults } from "@adgen/agents/testing";
import type { AppRouter } from "@adgen/api";
import { createLocalProvider } from "@adgen/provider-local";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { followUntil } from "./test/flow";
import { createClient, signupUser, startTestServer, type TestServer } from "./test/harness";

// Every image call takes 4 s, so a step is still running when the test cancels it. (The
// Replicate provider's own test checks that cancelling cancels its predictions.)
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    provider: withPricesAndFaults(createLocalProvider(), { image: 0.003 }, { latencyMs: 4000 }),
  });
});
afterAll(() => server.close());

async function newUser() {
  const email = `cancel-${Math.random().toString(36).slice(2)}@example.com`;
  const { sessionToken } = await signupUser(server.baseUrl, email);
  return createClient(server.baseUrl, { token: sessionToken });
}

async function failureOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCClientError);
  const e = error as TRPCClientError<AppRouter>;
  return { code: e.data?.code, message: e.message };
}

describe("generation.cancel", () => {
  it("stops the running step and takes the session back to where it started", async () => {
    const { client, close } = await newUser();
    const { sessionId } = await client.sessions.create.mutate();
    await client.generation.generateImages.mutate({
      sessionId,
      productPrompt: "Matte black aluminium water bottle",
      numImages: 4,
    });
    expect((await client.sessions.get.query({ sessionId })).stage).toBe("image_generation");

    expect(await client.generation.cancel.mutate({ sessionId })).toEqual({ stage: "created" });
    const events = await followUntil(client, sessionId, ["created"]);
    expect(events.at(-1)).toMatchObject({
      stage: "created",
      done: true,
      message: "Image generation cancelled. Nothing more will be charged.",
    });
    expect((await client.sessions.get.query({ sessionId })).stage).toBe("created");

    // Nothing runs now: a second cancel is refused with a sentence, and the step can start again.
    expect(await failureOf(client.generation.cancel.mutate({ sessionId }))).toEqual({
      code: "PRECONDITION_FAILED",
      message: "Nothing is running, so there is nothing to cancel.",
    });
    await client.generation.generateImages.mutate({
      sessionId,
      productPrompt: "Matte black aluminium water bottle",
      numImages: 4,
    });
    await followUntil(client, sessionId, ["image_selection"], { lastEventId: events.at(-1)?.id });
    close();
  });

  it("cannot cancel someone else's session", async () => {
    const owner = await newUser();
    const other = await newUser();
    const { sessionId } = await owner.client.sessions.create.mutate();
    expect((await failureOf(other.client.generation.cancel.mutate({ sessionId }))).code).toBe(
      "NOT_FOUND",
    );
    owner.close();
    other.close();
  });
});
