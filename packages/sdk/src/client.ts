import {
  createTRPCClient,
  createWSClient,
  httpBatchLink,
  splitLink,
  wsLink,
  type TRPCClient,
  type TRPCLink,
} from "@trpc/client";
import superjson from "superjson";
import { createAd, type AdSpec, type CreateAdOptions, type CreatedAd } from "./create-ad";
import { adgenErrorLink, retryResetQueryLink } from "./links";
import { downloadFinalVideo, fetchMedia } from "./media";
import type { AdgenInputs, AdgenOutputs, AdgenRouter } from "./router";
import {
  waitForStep,
  watch,
  type WaitForStepOptions,
  type WatchedEvent,
  type WatchOptions,
} from "./watch";
import { webSocketImplementation } from "./websocket";

export interface AdgenClientOptions {
  /** Where Adgen runs, e.g. http://localhost:3000. */
  baseUrl: string;
  /** A session token from `login`/`signup` (sent as `Authorization: Bearer`). */
  token?: string;
}

type Credentials = AdgenInputs["auth"]["login"];
type LoggedIn = AdgenOutputs["auth"]["login"];

export interface AdgenClient {
  readonly baseUrl: string;
  /** The current session token, set by `login`/`signup` and cleared by `logout`. */
  readonly token: string | undefined;
  /** Every procedure of the API, fully typed. Errors are `AdgenError`s. */
  readonly trpc: TRPCClient<AdgenRouter>;
  login(credentials: Credentials): Promise<LoggedIn>;
  signup(credentials: Credentials): Promise<LoggedIn>;
  logout(): Promise<void>;
  /** The whole flow: images, approval, clips, approval and order, composition. */
  createAd(spec: AdSpec, options?: CreateAdOptions): Promise<CreatedAd>;
  /** Progress events of one ad; reconnects and resumes after `lastEventId`. */
  watch(sessionId: string, options?: WatchOptions): AsyncGenerator<WatchedEvent>;
  /** Resolves with the event that ends the running step (rejects if it failed). */
  waitForStep(sessionId: string, options: WaitForStepOptions): Promise<WatchedEvent>;
  /** Fetches a media URL from `sessions.get`; credentials go to Adgen's origin only. */
  fetchMedia(url: string): Promise<Uint8Array>;
  /** Writes an ad's final MP4 to `path` (Node); resolves with its size in bytes. */
  download(sessionId: string, path: string): Promise<{ path: string; bytes: number }>;
  /** Closes the progress socket, if one is open. */
  close(): void;
}

/**
 * The typed client internal tools use: the same router as the web app, HTTP for queries and
 * mutations, a WebSocket for progress.
 */
export function createAdgenClient(options: AdgenClientOptions): AdgenClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  let token = options.token;

  // Lazy: the socket opens with the first subscription and closes when idle, so query-only
  // tools never hold one. A new token means a new socket, since a socket's identity is fixed.
  const openSocket = () => {
    const client = createWSClient({
      url: `${baseUrl.replace(/^http/, "ws")}/trpc`,
      WebSocket: webSocketImplementation(),
      connectionParams: () => (token ? { token } : null),
      retryDelayMs: (attempt) => Math.min(5_000, 200 * 2 ** attempt),
      lazy: { enabled: true, closeMs: 1_000 },
    });
    return { client, link: wsLink<AdgenRouter>({ client, transformer: superjson }) };
  };
  let socket = openSocket();
  const currentSocketLink: TRPCLink<AdgenRouter> = (runtime) => (op) => socket.link(runtime)(op);

  const trpc = createTRPCClient<AdgenRouter>({
    links: [
      adgenErrorLink,
      retryResetQueryLink,
      splitLink({
        condition: (op) => op.type === "subscription",
        true: currentSocketLink,
        false: httpBatchLink({
          url: `${baseUrl}/trpc`,
          transformer: superjson,
          headers: () => (token ? { authorization: `Bearer ${token}` } : {}),
        }),
      }),
    ],
  });

  const useToken = (next: string | undefined) => {
    token = next;
    socket.client.close();
    socket = openSocket();
  };

  const client: AdgenClient = {
    baseUrl,
    get token() {
      return token;
    },
    trpc,
    async login(credentials) {
      const result = await trpc.auth.login.mutate(credentials);
      useToken(result.sessionToken);
      return result;
    },
    async signup(credentials) {
      const result = await trpc.auth.signup.mutate(credentials);
      useToken(result.sessionToken);
      return result;
    },
    async logout() {
      await trpc.auth.logout.mutate();
      useToken(undefined);
    },
    createAd: (spec, adOptions) => createAd(client, spec, adOptions),
    watch: (sessionId, watchOptions) => watch(trpc, sessionId, watchOptions),
    waitForStep: (sessionId, stepOptions) => waitForStep(trpc, sessionId, stepOptions),
    fetchMedia: (url) => fetchMedia(baseUrl, token, url),
    download: (sessionId, path) => downloadFinalVideo(client, sessionId, path),
    close: () => socket.client.close(),
  };
  return client;
}
