/**
 * Bounds on what one client can hold open. A browser tab needs one socket and one or two
 * progress streams; the SDK's batch mode a few; the numbers leave room for many tabs and
 * tools while keeping one account or address from exhausting file descriptors.
 */
export const CONNECTION_LIMITS = {
  /** Open WebSockets per signed-in user, across all their tabs and tools. */
  socketsPerUser: 20,
  /** Open WebSockets per client address (an office behind one NAT shares it). */
  socketsPerAddress: 50,
  /** Live subscriptions on one socket. */
  subscriptionsPerSocket: 10,
  /** Procedures in one HTTP batch (`/trpc/a,b,c?batch=1`). */
  batchSize: 10,
  /** How long a WebSocket may reuse its last identity check before asking the database again. */
  revalidateMs: 5_000,
} as const;

/** Node HTTP server timeouts. */
export const SERVER_TIMEOUTS = {
  /**
   * Longer than clients and proxies keep an idle connection for reuse (undici 4 s, nginx and
   * load balancers 60 s), so the server never closes one a client is about to reuse.
   */
  keepAliveMs: 65_000,
  /** Must exceed keep-alive, or a request arriving on a reused socket can be cut off. */
  headersMs: 66_000,
  /** A whole request body (at most 64 KiB) must arrive within this. */
  requestMs: 30_000,
} as const;
