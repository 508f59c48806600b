import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../test/harness";
import { upgradeStatus } from "./ws-test-client";

// The harness allows exactly one browser origin: its APP_URL, http://127.0.0.1.
const APP_ORIGIN = "http://127.0.0.1";

let server: TestServer;
let hostHeader: string;
beforeAll(async () => {
  server = await startTestServer();
  hostHeader = new URL(server.baseUrl).host;
});
afterAll(() => server.close());

const post = (path: string, headers: Record<string, string>, body = "{}") =>
  fetch(`${server.baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });

describe("one origin policy for every non-GET request", () => {
  it.each([
    ["a foreign site", { origin: "https://evil.example" }],
    // DNS rebinding: the page's origin and the Host header agree, both the attacker's.
    ["an origin equal to the Host header", { origin: "http://HOST" }],
    ["the opaque origin of a sandboxed frame", { origin: "null" }],
    ["a sibling site (no Origin, Sec-Fetch-Site: same-site)", { "sec-fetch-site": "same-site" }],
    ["a cross-site form (no Origin)", { "sec-fetch-site": "cross-site" }],
  ])("refuses %s with 403, on /trpc and on web routes alike", async (_name, headers) => {
    const resolved = Object.fromEntries(
      Object.entries(headers).map(([k, v]) => [k, v.replace("HOST", hostHeader)]),
    );
    for (const path of [
      "/trpc/sessions.create",
      "/trpc/auth.login",
      "/login",
      "/login?_data=routes%2Flogin",
      "/logout",
    ]) {
      const res = await post(path, resolved);
      expect(res.status, `${path} with ${JSON.stringify(resolved)}`).toBe(403);
      expect(await res.text()).toMatch(/Cross-origin request refused/);
    }
  });

  it("lets the app's own origin and non-browser clients through to the route", async () => {
    const own = await post("/trpc/auth.me", { origin: APP_ORIGIN }, "");
    // auth.me is a query: a POST reaches tRPC, which answers 405, not the policy's 403.
    expect(own.status).not.toBe(403);
    const sameOrigin = await post("/trpc/sessions.create", { "sec-fetch-site": "same-origin" });
    expect(sameOrigin.status).toBe(401);
    const tool = await post("/trpc/sessions.create", {});
    expect(tool.status).toBe(401);
  });

  it("never refuses a GET, so links from other sites still open pages", async () => {
    const res = await fetch(`${server.baseUrl}/health`, {
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(res.status).toBe(200);
  });

  it("applies to WebSocket upgrades, ignoring the Host header", async () => {
    const url = `${server.baseUrl.replace(/^http/, "ws")}/trpc`;
    expect(await upgradeStatus(url, { origin: "https://evil.example" })).toBe(403);
    expect(await upgradeStatus(url, { origin: `http://${hostHeader}` })).toBe(403);
    expect(await upgradeStatus(url, { origin: APP_ORIGIN })).toBe(101);
    expect(await upgradeStatus(url)).toBe(101);
  });
});
