import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startReplicateTestServer, type ReplicateTestServer } from "./server";

let server: ReplicateTestServer;
interface Prediction {
  id: string;
  model: string;
  status: string;
  output: string[];
}
const read = async (res: Response) => (await res.json()) as Prediction;
const auth = { authorization: "Bearer test-token", "content-type": "application/json" };

beforeAll(async () => {
  server = await startReplicateTestServer();
});
afterAll(() => server?.close());
beforeEach(() => server.reset());

const create = (model: string, input: object, headers: Record<string, string> = {}) =>
  fetch(`${server.baseUrl}/models/${model}/predictions`, {
    method: "POST",
    headers: { ...auth, ...headers },
    body: JSON.stringify({ input }),
  });

describe("Replicate test server", () => {
  it("holds a create for Prefer: wait and serves the output as a real PNG over https", async () => {
    server.script("black-forest-labs/flux-dev", {
      latencyMs: 30,
      output: async (_input, ctx) => [await ctx.file("png")],
    });
    const res = await create(
      "black-forest-labs/flux-dev",
      { prompt: "a cup" },
      { prefer: "wait=5" },
    );
    expect(res.status).toBe(201);
    const prediction = await read(res);
    expect(prediction.status).toBe("succeeded");
    const file = await fetch(String(prediction.output[0]));
    expect(file.headers.get("content-type")).toBe("image/png");
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
  });

  it("answers 202 when the wait runs out, then finishes on polling; cancel stops a prediction", async () => {
    server.script("slow/model", { coldStartMs: 1500, latencyMs: 10, output: () => "done" });
    server.script("stuck/model", { faults: [{ kind: "never_finishes" }] });
    const slow = await create("slow/model", {}, { prefer: "wait=1" });
    expect(slow.status).toBe(202);
    const { id } = await read(slow);
    await new Promise((r) => setTimeout(r, 700));
    const polled = await fetch(`${server.baseUrl}/predictions/${id}`, { headers: auth });
    expect((await read(polled)).status).toBe("succeeded");

    const stuck = await read(await create("stuck/model", {}));
    expect(stuck.status).toBe("processing");
    const canceled = await fetch(`${server.baseUrl}/predictions/${stuck.id}/cancel`, {
      method: "POST",
      headers: auth,
    });
    expect((await read(canceled)).status).toBe("canceled");
  });

  it("plays scripted faults in order: 429 with Retry-After, 500, then a normal prediction", async () => {
    server.script("meta/musicgen:abc123", {
      output: () => "ok",
      faults: [{ kind: "rate_limit", retryAfterSec: 2 }, { kind: "server_error" }],
    });
    const byVersion = () =>
      fetch(`${server.baseUrl}/predictions`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ version: "abc123", input: {} }),
      });
    const limited = await byVersion();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("2");
    expect((await byVersion()).status).toBe(500);
    const ok = await byVersion();
    expect(ok.status).toBe(201);
    expect((await read(ok)).model).toBe("meta/musicgen");
    expect(server.requests.filter((r) => r.model === "meta/musicgen")).toHaveLength(3);
  });

  it("refuses a wrong token", async () => {
    const res = await fetch(`${server.baseUrl}/predictions/x`, {
      headers: { authorization: "Bearer nope" },
    });
    expect(res.status).toBe(401);
  });
});
