import type { AppRouter } from "@adgen/api";
import { createTRPCClient, createWSClient, httpBatchLink, wsLink } from "@trpc/client";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import { SESSION_ENDED_CLOSE_CODE } from "../socket-registry";
import { createClient, startTestServer, type TestServer, signupUser } from "../test/harness";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const password = "long-enough-pw";
const newEmail = (tag: string) => `${tag}-${Math.random().toString(36).slice(2)}@example.com`;

async function signup(tag: string) {
  const email = newEmail(tag);
  return { ...(await signupUser(server.baseUrl, email, password)), email };
}

/** Logs out over HTTP, as another tab or tool of the same session would. */
async function logoutOverHttp(headers: Record<string, string>) {
  const res = await fetch(`${server.baseUrl}/trpc/auth.logout`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: "{}",
  });
  expect(res.status).toBe(200);
  return res;
}

describe("a WebSocket does not outlive its session", () => {
  it("refuses mutations on an open socket after log-out over HTTP (bearer token)", async () => {
    const { sessionToken } = await signup("bearer");
    const { wsOnly, close } = createClient(server.baseUrl, { token: sessionToken });
    const before = await wsOnly.sessions.create.mutate();
    expect(before.stage).toBe("created");

    await logoutOverHttp({ authorization: `Bearer ${sessionToken}` });

    await expect(wsOnly.sessions.create.mutate()).rejects.toMatchObject({
      data: { code: "UNAUTHORIZED" },
    });
    close();
  });

  it("closes the browser's socket at log-out, so it never acts for the old user again", async () => {
    const alice = await signup("alice");
    const bob = await signup("bob");
    // A browser: each (re)connection sends the cookie the browser holds at that moment.
    let cookieJar = `adgen_session=${alice.sessionToken}`;
    const closes: number[] = [];
    const BrowserLikeSocket = class extends WebSocket {
      constructor(url: string | URL) {
        super(url, { headers: { cookie: cookieJar } });
        this.on("close", (code) => closes.push(code));
      }
    };
    const browserSocket = () => {
      const wsClient = createWSClient({
        url: `${server.baseUrl.replace(/^http/, "ws")}/trpc`,
        WebSocket: BrowserLikeSocket as unknown as typeof globalThis.WebSocket,
        retryDelayMs: () => 50,
      });
      const client = createTRPCClient<AppRouter>({
        links: [wsLink({ client: wsClient, transformer: superjson })],
      });
      return { client, close: () => wsClient.close() };
    };
    const tab = browserSocket();
    expect((await tab.client.auth.me.query())?.email).toBe(alice.email);

    await logoutOverHttp({ cookie: cookieJar });
    cookieJar = ""; // the log-out response cleared the cookie
    await vi.waitFor(() => expect(closes).toContain(SESSION_ENDED_CLOSE_CODE), {
      timeout: 10_000,
    });
    // The tab reconnected with what it holds now: nobody.
    expect(await tab.client.auth.me.query()).toBeNull();
    await expect(tab.client.sessions.create.mutate()).rejects.toMatchObject({
      data: { code: "UNAUTHORIZED" },
    });

    // Bob logs in in the same tab; the app opens its socket for the new user.
    const http = createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${server.baseUrl}/trpc`, transformer: superjson })],
    });
    const login = await http.auth.login.mutate({ email: bob.email, password });
    cookieJar = `adgen_session=${login.sessionToken}`;
    tab.close();
    const bobsTab = browserSocket();
    expect((await bobsTab.client.auth.me.query())?.email).toBe(bob.email);
    const mine = await bobsTab.client.sessions.create.mutate();
    const owner = createClient(server.baseUrl, { token: login.sessionToken });
    expect((await owner.client.sessions.get.query({ sessionId: mine.sessionId })).id).toBe(
      mine.sessionId,
    );
    owner.close();
    bobsTab.close();
  });

  it("ends a live progress subscription when its session logs out", async () => {
    const { sessionToken } = await signup("progress");
    const { client, close } = createClient(server.baseUrl, { token: sessionToken });
    const { sessionId } = await client.sessions.create.mutate();
    const states: string[] = [];
    const sub = client.generation.progress.subscribe(
      { sessionId },
      {
        onStarted: () => states.push("started"),
        onError: (e) => states.push(`error:${e.data?.code ?? e.message}`),
      },
    );
    await vi.waitFor(() => expect(states).toContain("started"), { timeout: 10_000 });
    await logoutOverHttp({ authorization: `Bearer ${sessionToken}` });
    // The socket closes; resubscribing with the dead token is refused.
    await vi.waitFor(() => expect(states).toContain("error:UNAUTHORIZED"), { timeout: 10_000 });
    sub.unsubscribe();
    close();
  });
});
