import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdgenClient } from "./client";
import { AdgenError } from "./errors";

/**
 * A tRPC endpoint that resets the connection (TCP RST) on the first request to each path
 * and answers the ones after it: what a client sees when the server closes a keep-alive
 * connection just as the client reuses it.
 */
let server: Server;
let baseUrl: string;
const requests: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url!, "http://x").pathname;
    requests.push(`${req.method} ${path}`);
    if (requests.filter((r) => r === `${req.method} ${path}`).length === 1) {
      req.socket.resetAndDestroy();
      return;
    }
    res.setHeader("content-type", "application/json");
    const data = { status: "ok", version: "test", database: "ok", queue: "ok" };
    res.end(JSON.stringify([{ result: { data: superjson.serialize(data) } }]));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

describe("a reset connection", () => {
  it("retries an idempotent query once", async () => {
    const client = createAdgenClient({ baseUrl });
    expect(await client.trpc.health.query()).toMatchObject({ status: "ok" });
    expect(requests.filter((r) => r === "GET /trpc/health")).toHaveLength(2);
    client.close();
  });

  it("never resends a mutation, which the server may already have applied", async () => {
    const client = createAdgenClient({ baseUrl });
    const error = await client.trpc.sessions.create.mutate().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AdgenError);
    expect((error as AdgenError).kind).toBe("network");
    expect(requests.filter((r) => r === "POST /trpc/sessions.create")).toHaveLength(1);
    client.close();
  });
});
