import type { AppRouter } from "@adgen/api";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, startTestServer, type TestServer } from "./test/harness";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const email = () => `api-${Math.random().toString(36).slice(2)}@example.com`;

async function signup() {
  const { client, close } = createClient(server.baseUrl);
  const result = await client.auth.signup.mutate({ email: email(), password: "long-enough-pw" });
  close();
  return result;
}

async function failureOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCClientError);
  const e = error as TRPCClientError<AppRouter>;
  return {
    code: e.data?.code,
    status: e.data?.httpStatus,
    message: e.message,
    fieldErrors: e.data?.fieldErrors,
  };
}

describe("over HTTP", () => {
  it("answers GET /health with the database state", async () => {
    const res = await fetch(`${server.baseUrl}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: "ok",
      database: "ok",
      version: expect.any(String),
    });
  });

  it("signs up, sets an HttpOnly cookie, and the cookie authenticates", async () => {
    const res = await fetch(`${server.baseUrl}/trpc/auth.signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { email: email(), password: "long-enough-pw" } }),
    });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/adgen_session=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(";")[0] ?? "";
    const { client, close } = createClient(server.baseUrl, { cookie });
    const me = await client.auth.me.query();
    expect(me?.email).toMatch(/@example\.com$/);
    close();
  });

  it("logs in with a bearer token and creates, lists, gets and deletes sessions", async () => {
    const account = { email: email(), password: "long-enough-pw" };
    const anon = createClient(server.baseUrl);
    await anon.client.auth.signup.mutate(account);
    const login = await anon.client.auth.login.mutate({
      ...account,
      email: account.email.toUpperCase(),
    });
    anon.close();
    const { client, close } = createClient(server.baseUrl, { token: login.sessionToken });
    const a = await client.sessions.create.mutate();
    const b = await client.sessions.create.mutate({});
    expect(a.stage).toBe("created");
    expect(a.createdAt).toBeInstanceOf(Date);
    // Newest first, ties (the same millisecond) broken by id, descending.
    const [newer, older] = [a, b].sort(
      (x, y) =>
        y.createdAt.getTime() - x.createdAt.getTime() || (x.sessionId < y.sessionId ? 1 : -1),
    );
    const list = await client.sessions.list.query({ limit: 1 });
    expect(list.items.map((i) => i.id)).toEqual([newer!.sessionId]);
    const next = await client.sessions.list.query({
      limit: 1,
      cursor: list.nextCursor ?? undefined,
    });
    expect(next.items.map((i) => i.id)).toEqual([older!.sessionId]);
    expect(next.nextCursor).toBeNull();
    const full = await client.sessions.get.query({ sessionId: a.sessionId });
    expect(full).toMatchObject({
      id: a.sessionId,
      stage: "created",
      generatedImages: [],
      totalCost: 0,
      finalVideo: null,
      lastComposition: null,
    });
    const costs = await client.sessions.costs.query({ sessionId: a.sessionId });
    expect(costs).toMatchObject({ lines: [], total: 0, budget: 10 });
    await client.sessions.delete.mutate({ sessionId: a.sessionId });
    expect((await failureOf(client.sessions.get.query({ sessionId: a.sessionId }))).code).toBe(
      "NOT_FOUND",
    );
    close();
  });

  it("refuses protected calls without credentials, and after log-out", async () => {
    const anon = createClient(server.baseUrl);
    expect(await failureOf(anon.client.sessions.list.query({}))).toMatchObject({
      code: "UNAUTHORIZED",
      status: 401,
    });
    anon.close();
    const { sessionToken } = await signup();
    const { client, close } = createClient(server.baseUrl, { token: sessionToken });
    await client.auth.logout.mutate();
    expect((await failureOf(client.sessions.create.mutate())).code).toBe("UNAUTHORIZED");
    close();
  });

  it("hides another user's session behind NOT_FOUND for get, costs and delete", async () => {
    const owner = createClient(server.baseUrl, { token: (await signup()).sessionToken });
    const other = createClient(server.baseUrl, { token: (await signup()).sessionToken });
    const { sessionId } = await owner.client.sessions.create.mutate();
    for (const call of [
      () => other.client.sessions.get.query({ sessionId }),
      () => other.client.sessions.costs.query({ sessionId }),
      () => other.client.sessions.delete.mutate({ sessionId }),
    ]) {
      expect(await failureOf(call())).toMatchObject({
        code: "NOT_FOUND",
        status: 404,
        message: "Session not found.",
      });
    }
    expect((await other.client.sessions.list.query({})).items).toEqual([]);
    expect((await owner.client.sessions.get.query({ sessionId })).id).toBe(sessionId);
    owner.close();
    other.close();
  });

  it("gives a clear conflict for a duplicate email and one message for bad log-ins", async () => {
    const account = { email: email(), password: "long-enough-pw" };
    const { client, close } = createClient(server.baseUrl);
    await client.auth.signup.mutate(account);
    expect(await failureOf(client.auth.signup.mutate(account))).toMatchObject({
      code: "CONFLICT",
      fieldErrors: { email: ["An account with this email already exists."] },
    });
    const wrong = await failureOf(
      client.auth.login.mutate({ ...account, password: "not-the-password" }),
    );
    const unknown = await failureOf(
      client.auth.login.mutate({ email: email(), password: "whatever-pw" }),
    );
    expect(wrong).toMatchObject({
      code: "UNAUTHORIZED",
      message: "Email or password is incorrect.",
    });
    expect(unknown.message).toBe(wrong.message);
    close();
  });

  it("refuses a cross-site POST that would ride the cookie", async () => {
    const res = await fetch(`${server.baseUrl}/trpc/sessions.create`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body: "{}",
    });
    expect(res.status).toBe(403);
  });
});

describe("validation", () => {
  it.each([
    [
      "a malformed email",
      { email: "not-an-email", password: "long-enough-pw" },
      "email",
      /valid email/,
    ],
    ["a short password", { email: "x@example.com", password: "short" }, "password", /at least 8/],
    ["a missing password", { email: "x@example.com" }, "password", /required/],
  ])("rejects sign-up with %s as a field error", async (_name, input, field, message) => {
    const { client, close } = createClient(server.baseUrl);
    const failure = await failureOf(client.auth.signup.mutate(input as never));
    expect(failure).toMatchObject({ code: "BAD_REQUEST", status: 400 });
    expect(failure.fieldErrors?.[field]?.[0]).toMatch(message);
    expect(failure.message).toMatch(message);
    close();
  });

  it("rejects bad session ids and list limits with field errors, never a 500", async () => {
    const { client, close } = createClient(server.baseUrl, {
      token: (await signup()).sessionToken,
    });
    const badId = await failureOf(client.sessions.get.query({ sessionId: "../../etc/passwd" }));
    expect(badId).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { sessionId: ["Must be a valid id"] },
    });
    const badLimit = await failureOf(client.sessions.list.query({ limit: 500 }));
    expect(badLimit.fieldErrors?.limit?.[0]).toMatch(/at most 50/);
    const badCursor = await failureOf(client.sessions.list.query({ cursor: "garbage" }));
    expect(badCursor).toMatchObject({
      code: "BAD_REQUEST",
      message: "That page link is no longer valid.",
    });
    close();
  });
});

describe("over WebSocket", () => {
  it("refuses an unauthenticated call on the socket", async () => {
    const { wsOnly, close } = createClient(server.baseUrl);
    expect(await failureOf(wsOnly.sessions.list.query({}))).toMatchObject({ code: "UNAUTHORIZED" });
    close();
  });

  it("authenticates with connectionParams (SDK) and with the cookie (browser)", async () => {
    const { sessionToken } = await signup();
    const bearer = createClient(server.baseUrl, { token: sessionToken });
    const created = await bearer.wsOnly.sessions.create.mutate();
    expect((await bearer.wsOnly.sessions.get.query({ sessionId: created.sessionId })).id).toBe(
      created.sessionId,
    );
    bearer.close();
    const browser = createClient(server.baseUrl, { cookie: `adgen_session=${sessionToken}` });
    expect((await browser.wsOnly.sessions.list.query({})).items[0]?.id).toBe(created.sessionId);
    browser.close();
  });

  it("refuses a socket opened from another site's page", async () => {
    const { default: WebSocket } = await import("ws");
    const socket = new WebSocket(`${server.baseUrl.replace("http", "ws")}/trpc`, {
      headers: { origin: "https://evil.example" },
    });
    const status = await new Promise<number | undefined>((resolve) => {
      socket.on("unexpected-response", (_req, res) => resolve(res.statusCode));
      socket.on("error", () => resolve(undefined));
      socket.on("open", () => resolve(101));
    });
    expect(status).toBe(403);
  });
});
