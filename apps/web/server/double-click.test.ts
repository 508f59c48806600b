import type { AppRouter } from "@adgen/api";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { followUntil } from "./test/flow";
import { createClient, startTestServer, type TestServer } from "./test/harness";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("a double click", () => {
  it("starts one image job: one success, one refusal, one Queued event, N images", async () => {
    const anon = createClient(server.baseUrl);
    const { sessionToken } = await anon.client.auth.signup.mutate({
      email: `double-${Math.random().toString(36).slice(2)}@example.com`,
      password: "long-enough-pw",
    });
    anon.close();
    // Two clients, so the two clicks are two HTTP requests (one client would batch them).
    const first = createClient(server.baseUrl, { token: sessionToken });
    const second = createClient(server.baseUrl, { token: sessionToken });
    const { sessionId } = await first.client.sessions.create.mutate();
    const request = { sessionId, productPrompt: "Ceramic pour-over coffee dripper", numImages: 4 };

    const results = await Promise.allSettled([
      first.client.generation.generateImages.mutate(request),
      second.client.generation.generateImages.mutate(request),
    ]);

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refusals = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toBeInstanceOf(TRPCClientError);
    const refusal = refusals[0] as TRPCClientError<AppRouter>;
    expect(refusal.data?.code).toBe("PRECONDITION_FAILED");
    expect(refusal.message).toBe("Images are still being generated. Wait for them to finish.");

    // The whole log from the start, until the step is done.
    const events = await followUntil(first.client, sessionId, ["image_selection", "failed"]);
    expect(events.at(-1)).toMatchObject({ stage: "image_selection", done: true });
    expect(events.filter((e) => e.message.startsWith("Queued"))).toHaveLength(1);

    const session = await first.client.sessions.get.query({ sessionId });
    expect(session.generatedImages).toHaveLength(4);
    const costs = await first.client.sessions.costs.query({ sessionId });
    const calls = (agent: string) => costs.lines.filter((l) => l.agent === agent && l.success);
    expect(calls("prompt_parser")).toHaveLength(1);
    expect(calls("image_generator")).toHaveLength(4);
    first.close();
    second.close();
  });
});
