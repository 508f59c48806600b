import type { AuthService, Session, User } from "@adgen/auth";
import type { Database } from "@adgen/db";
import type { Pipeline } from "@adgen/pipeline";

/** Long-lived things the API needs, built once by the server. */
export interface ApiServices {
  db: Database;
  auth: AuthService;
  version: string;
  sessionBudgetUsd: number;
  /** Turns a storage key into a URL the caller can fetch. */
  mediaUrl: (storageKey: string) => Promise<string>;
  /** Removes every stored file under a prefix (a session's folder). */
  deleteMedia: (prefix: string) => Promise<void>;
  /** Stage machine, jobs and progress events. */
  pipeline: Pick<
    Pipeline,
    | "generateImages"
    | "saveApprovedImages"
    | "generateClips"
    | "saveApprovedClips"
    | "composeFinalVideo"
    | "retry"
    | "cancel"
    | "deleteSession"
    | "events"
    | "queueHealth"
  >;
}

/** What the transport knows about one request or WebSocket connection. */
export interface RequestInfo {
  cookie?: string | null;
  authorization?: string | null;
  /** Remote address, for log-in throttling. */
  address?: string;
  /** Appends a Set-Cookie header to the response (no-op on WebSocket). */
  setCookie: (cookie: string) => void;
  /**
   * Long-lived connections (WebSocket) resolve their caller once; this re-checks that the
   * session is still valid before each protected call, so a log-out ends what the socket
   * may do. Resolves false when it is not.
   */
  revalidate?: () => Promise<boolean>;
  /** Subscriptions open on this connection, bounded so one socket cannot hold unlimited work. */
  subscriptions?: { open: number; max: number };
}

export interface Context extends ApiServices {
  user: User | null;
  session: Session | null;
  request: RequestInfo;
}

/** Resolves the caller from the bearer token or the session cookie. */
export async function createContext(services: ApiServices, request: RequestInfo): Promise<Context> {
  const token = services.auth.readToken(request);
  const validated = token ? await services.auth.validateToken(token) : null;
  if (validated?.refreshedCookie && request.cookie) request.setCookie(validated.refreshedCookie);
  return {
    ...services,
    user: validated?.user ?? null,
    session: validated?.session ?? null,
    request,
  };
}
