import type { Provider } from "@adgen/agents";
import { THROTTLE_POLICIES, type ThrottlePolicies } from "@adgen/auth";
import type { AppRouter } from "@adgen/api";
import { createTestDatabase, type TestDatabase } from "@adgen/db/testing";
import { createLocalStorage } from "@adgen/storage";
import { createTRPCClient, createWSClient, httpBatchLink, splitLink, wsLink } from "@trpc/client";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import superjson from "superjson";
import WebSocket from "ws";
import type { Server } from "node:http";
import { createHttpApp } from "../app";
import type { SocketRegistry } from "../socket-registry";
import { readServerEnv } from "../env";
import { createServices, type ServerServices } from "../services";

export interface TestServer {
  baseUrl: string;
  services: ServerServices;
  testDb: TestDatabase;
  mediaRoot: string;
  /** The Node HTTP server, for checks of its own settings. */
  httpServer: Server;
  /** Open WebSockets by address, user and session. */
  sockets: SocketRegistry;
  close: () => Promise<void>;
}

/** A real server on a random loopback port with its own fresh database and media folder. */
export interface TestServerOptions {
  provider?: Provider;
  workerMode?: "embedded" | "external";
  budgetUsd?: number;
  /** TRUST_PROXY: reverse proxies whose X-Forwarded-For is believed. */
  trustedHops?: number;
  /**
   * Throttle limits. Test files sign up dozens of users from 127.0.0.1, so sign-up per
   * address is lifted unless a test asks for the real policies (`"production"`).
   */
  throttle?: Partial<ThrottlePolicies> | "production";
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const testDb = await createTestDatabase();
  const mediaRoot = await mkdtemp(path.join(tmpdir(), "adgen-media-"));
  const env = readServerEnv({
    NODE_ENV: "test",
    APP_URL: "http://127.0.0.1",
    SEED_DEMO_USER: "true",
    SESSION_BUDGET_USD: String(options.budgetUsd ?? 10),
  });
  // The test database is already migrated; createServices migrates again, which must be a no-op.
  const storage = createLocalStorage({ root: mediaRoot });
  const services = await createServices(env, {
    databaseUrl: testDb.url,
    pgliteDir: undefined,
    storage,
    connection: testDb.url ? undefined : testDb.conn,
    pipeline: {
      workerMode: options.workerMode ?? "embedded",
      workerConcurrency: 2,
      provider: options.provider,
      timing: { superviseIntervalSeconds: 2, heartbeatSeconds: 10, retryDelaySeconds: 1 },
    },
    throttle:
      options.throttle === "production"
        ? undefined
        : {
            signupAddress: { ...THROTTLE_POLICIES.signupAddress, limit: 10_000 },
            ...options.throttle,
          },
  });
  const http = await createHttpApp({
    services: services.api,
    remix: "none",
    allowedOrigins: env.allowedOrigins,
    trustedHops: options.trustedHops ?? 0,
    storage,
  });
  const port = await http.listen(0, "127.0.0.1");
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    services,
    testDb,
    mediaRoot,
    httpServer: http.server,
    sockets: http.sockets,
    close: async () => {
      await http.close();
      await services.close();
      await testDb.drop();
      await rm(mediaRoot, { recursive: true, force: true });
    },
  };
}

export interface ClientOptions {
  token?: string;
  cookie?: string;
}

/** The same split the SDK uses: subscriptions over WebSocket, the rest over HTTP. */
export function createClient(baseUrl: string, options: ClientOptions = {}) {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  const wsClient = createWSClient({
    url: `${baseUrl.replace(/^http/, "ws")}/trpc`,
    WebSocket: class extends WebSocket {
      constructor(url: string | URL) {
        super(url, { headers: options.cookie ? { cookie: options.cookie } : {} });
      }
    } as unknown as typeof globalThis.WebSocket,
    connectionParams: options.token ? { token: options.token } : undefined,
    retryDelayMs: () => 100,
  });
  const client = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: wsLink({ client: wsClient, transformer: superjson }),
        false: httpBatchLink({ url: `${baseUrl}/trpc`, transformer: superjson, headers }),
      }),
    ],
  });
  return {
    client,
    ws: wsClient,
    wsOnly: createWsOnlyClient(wsClient),
    close: () => wsClient.close(),
  };
}

function createWsOnlyClient(wsClient: ReturnType<typeof createWSClient>) {
  return createTRPCClient<AppRouter>({
    links: [wsLink({ client: wsClient, transformer: superjson })],
  });
}

/** Signs up a new account over HTTP and returns what `auth.signup` answered. */
export async function signupUser(baseUrl: string, email: string, password = "long-enough-pw") {
  const anon = createClient(baseUrl);
  try {
    return await anon.client.auth.signup.mutate({ email, password });
  } finally {
    anon.close();
  }
}
