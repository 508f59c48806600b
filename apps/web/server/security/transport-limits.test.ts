import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CONNECTION_LIMITS } from "../limits";
import { createClient, startTestServer, type TestServer, signupUser } from "../test/harness";
import { openRawSocket, upgradeStatus } from "./ws-test-client";

let server: TestServer;
let wsUrl: string;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  wsUrl = `${server.baseUrl.replace(/^http/, "ws")}/trpc`;
  const anon = createClient(server.baseUrl);
  const email = `limits-${Date.now()}@example.com`;
  ({ sessionToken: token } = await anon.client.auth.signup.mutate({
    email,
    password: "long-enough-pw",
  }));
  anon.close();
});
afterAll(() => server.close());

/**
 * Sends headers that announce `declared` bytes, then `sent` bytes, and reports the status
 * and how much of the body the server had to take before it answered.
 */
function postAnnounced(path: string, declared: number | "chunked", sent: number) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const url = new URL(path, server.baseUrl);
    const headers: Record<string, string | number> = { "content-type": "application/json" };
    if (declared === "chunked") headers["transfer-encoding"] = "chunked";
    else headers["content-length"] = declared;
    const req = httpRequest(url, { method: "POST", headers }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      res.on("error", reject);
    });
    // The server may close before we finish: that is the point, not an error.
    req.on("error", () => {});
    const chunk = Buffer.alloc(16 * 1024, 0x20);
    let written = 0;
    const pump = () => {
      while (written < sent) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (declared === "chunked") req.end();
    };
    pump();
  });
}

describe("request bodies are bounded at 64 KiB", () => {
  it("answers 413 to an oversized tRPC body announced by Content-Length, unread", async () => {
    // 400 MB announced, 1 MB actually sent: the answer must come without the rest.
    const res = await postAnnounced("/trpc/auth.login", 400 * 1024 * 1024, 1024 * 1024);
    expect(res.status).toBe(413);
  });

  it("answers 413 to an oversized chunked tRPC body", async () => {
    const res = await postAnnounced("/trpc/auth.login", "chunked", 512 * 1024);
    expect(res.status).toBe(413);
  });

  it("answers 413 to an oversized form post and 411 to one of unknown length", async () => {
    expect((await postAnnounced("/login", 400 * 1024 * 1024, 256 * 1024)).status).toBe(413);
    expect((await postAnnounced("/login", "chunked", 256 * 1024)).status).toBe(411);
  });

  it("still takes a normal request", async () => {
    const res = await fetch(`${server.baseUrl}/trpc/auth.me`);
    expect(res.status).toBe(200);
  });
});

describe("tRPC batches", () => {
  const batch = (names: string[], body: unknown) =>
    fetch(`${server.baseUrl}/trpc/${names.join(",")}?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("refuses more than the batch limit", async () => {
    const n = CONNECTION_LIMITS.batchSize + 1;
    const names = Array.from({ length: n }, () => "sessions.create");
    const inputs = Object.fromEntries(names.map((_, i) => [i, { json: {} }]));
    const res = await batch(names, inputs);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { json: { message: string } } }[];
    expect(body).toHaveLength(n);
    expect(body[0]?.error.json.message).toMatch(/At most 10 calls/);
  });

  it("refuses batched log-ins, so a burst cannot hide in one request", async () => {
    const attempt = { json: { email: "victim@example.com", password: "guess-123" } };
    const res = await batch(["auth.login", "auth.login"], { 0: attempt, 1: attempt });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/cannot be batched/);
  });
});

describe("WebSockets", () => {
  it("answers and closes an upgrade to any other path", async () => {
    expect(await upgradeStatus(`${server.baseUrl.replace(/^http/, "ws")}/elsewhere`)).toBe(404);
    expect(await upgradeStatus(`${server.baseUrl.replace(/^http/, "ws")}/`)).toBe(404);
    const health = await fetch(`${server.baseUrl}/health`);
    expect(health.status).toBe(200);
  });

  it("closes a socket that sends a message over 64 KiB", async () => {
    const socket = await openRawSocket(wsUrl);
    socket.ws.send("x".repeat(65 * 1024));
    expect(await socket.closed).toBe(1009);
  });

  it("bounds live subscriptions per socket", async () => {
    const { sessionId } = await createSession();
    const socket = await openRawSocket(wsUrl, { connectionParams: { token } });
    const max = CONNECTION_LIMITS.subscriptionsPerSocket;
    for (let id = 1; id <= max + 1; id++) {
      socket.send({
        id,
        method: "subscription",
        params: { path: "generation.progress", input: { json: { sessionId } } },
      });
    }
    for (let id = 1; id <= max; id++) {
      expect(await socket.reply(id)).toMatchObject({ result: { type: "started" } });
    }
    expect(JSON.stringify(await socket.errorFor(max + 1))).toMatch(/TOO_MANY_REQUESTS/);
    socket.ws.close();
    await socket.closed;
  });

  it("bounds open sockets per user", async () => {
    const max = CONNECTION_LIMITS.socketsPerUser;
    const token = await newUserToken();
    const sockets = await Promise.all(
      Array.from({ length: max }, () => openRawSocket(wsUrl, { connectionParams: { token } })),
    );
    // Each must have resolved its identity before the next counts against it.
    await Promise.all(sockets.map((s, i) => ping(s, 100 + i)));
    const extra = await openRawSocket(wsUrl, { connectionParams: { token } });
    extra.send({ id: 1, method: "query", params: { path: "auth.me", input: { json: null } } });
    const refused = await extra.reply(1);
    expect(JSON.stringify(refused.error)).toMatch(/TOO_MANY_REQUESTS|Too many open connections/);
    expect(await extra.closed).toBeGreaterThan(0);
    for (const s of sockets) s.ws.close();
    await Promise.all(sockets.map((s) => s.closed));
    // Closing frees the slots.
    const again = await openRawSocket(wsUrl, { connectionParams: { token } });
    await ping(again, 1);
    again.ws.close();
    await again.closed;
  });

  it("bounds open sockets per address", async () => {
    const max = CONNECTION_LIMITS.socketsPerAddress;
    // Sockets of earlier tests are closed; wait until the server has seen every close.
    await vi.waitFor(() => expect(server.sockets.addressCount("127.0.0.1")).toBe(0), {
      timeout: 10_000,
    });
    const sockets = await Promise.all(Array.from({ length: max }, () => openRawSocket(wsUrl)));
    expect(await upgradeStatus(wsUrl)).toBe(429);
    for (const s of sockets) s.ws.close();
    await Promise.all(sockets.map((s) => s.closed));
    expect(await upgradeStatus(wsUrl)).toBe(101);
  });
});

describe("HTTP server timeouts", () => {
  it("keeps idle connections longer than clients reuse them, and headers longer still", () => {
    const http = server.httpServer;
    // undici reuses idle sockets for 4 s; Node's default 5 s races it under load.
    expect(http.keepAliveTimeout).toBeGreaterThan(60_000);
    expect(http.headersTimeout).toBeGreaterThan(http.keepAliveTimeout);
    expect(http.requestTimeout).toBeGreaterThan(0);
  });
});

async function newUserToken() {
  const email = `limits-${Math.random().toString(36).slice(2)}@example.com`;
  return (await signupUser(server.baseUrl, email)).sessionToken;
}

async function createSession() {
  const { client, close } = createClient(server.baseUrl, { token });
  const created = await client.sessions.create.mutate();
  close();
  return created;
}

async function ping(socket: Awaited<ReturnType<typeof openRawSocket>>, id: number) {
  socket.send({ id, method: "query", params: { path: "auth.me", input: { json: null } } });
  const reply = await socket.reply(id);
  expect(reply.error).toBeUndefined();
}
