import { TRPCClientError } from "@trpc/client";
import type { AdgenRouter } from "./router";

/** What went wrong, in the words a caller `switch`es on. */
export type AdgenErrorKind =
  /** Bad input: `fieldErrors` says which field and why. */
  | "validation"
  /** The ad is not at a stage where this step can run. */
  | "wrong_step"
  /** The step would pass the ad's spending cap; nothing was spent. */
  | "spending_cap"
  /** Not logged in, or the session token is no longer valid. */
  | "auth"
  /** No such ad, or it belongs to someone else. */
  | "not_found"
  | "rate_limited"
  /** The server could not be reached or the connection broke. */
  | "network"
  /** A generation step ran and failed (the ad's stage is `failed`). */
  | "failed"
  /** The caller's AbortSignal stopped the wait; the server may still be working. */
  | "cancelled"
  | "server";

export type FieldErrors = Record<string, string[]>;

const KIND_BY_CODE: Record<string, AdgenErrorKind> = {
  BAD_REQUEST: "validation",
  PARSE_ERROR: "validation",
  PAYLOAD_TOO_LARGE: "validation",
  UNAUTHORIZED: "auth",
  FORBIDDEN: "auth",
  NOT_FOUND: "not_found",
  TOO_MANY_REQUESTS: "rate_limited",
};

/**
 * Every error the SDK throws. It is a TRPCClientError too (tRPC passes it through as is), so
 * `error.data` still holds the server's error data.
 */
export class AdgenError extends TRPCClientError<AdgenRouter> {
  readonly kind: AdgenErrorKind;
  readonly fieldErrors: FieldErrors;
  /** The ad the error is about, when known (to resume or inspect it). */
  sessionId?: string;

  constructor(
    kind: AdgenErrorKind,
    message: string,
    options: {
      fieldErrors?: FieldErrors;
      cause?: unknown;
      from?: TRPCClientError<AdgenRouter>;
    } = {},
  ) {
    super(message, {
      cause: options.from?.cause ?? (options.cause instanceof Error ? options.cause : undefined),
      result: options.from?.shape ? { error: options.from.shape } : undefined,
      meta: options.from?.meta,
    });
    // TRPCClientError's constructor pins its own prototype; subclasses restore theirs.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = "AdgenError";
    this.kind = kind;
    this.fieldErrors = options.fieldErrors ?? {};
  }

  /** The first field at fault, if any (`textOverlay.productName`). */
  get field(): string | undefined {
    return Object.keys(this.fieldErrors)[0];
  }
}

/** A reset, refused or closed connection, at any depth of the cause chain. */
export function isNetworkFailure(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 6; depth++) {
    const { code, message, name } = e as { code?: unknown; message?: unknown; name?: unknown };
    if (typeof code === "string" && /^(E[A-Z]+|UND_ERR_\w+)$/.test(code)) return true;
    if (name === "TypeError" && message === "fetch failed") return true;
    if (typeof message === "string" && /WebSocket (closed|connection)/i.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export function isConnectionReset(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 6; depth++) {
    if ((e as { code?: unknown }).code === "ECONNRESET") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Classifies anything thrown by tRPC, fetch or the SDK itself. */
export function toAdgenError(error: unknown): AdgenError {
  if (error instanceof AdgenError) return error;
  if (error instanceof TRPCClientError) {
    const data = error.data as { code?: string; fieldErrors?: FieldErrors | null } | undefined;
    const code = data?.code;
    let kind: AdgenErrorKind = code ? (KIND_BY_CODE[code] ?? "server") : "network";
    if (code === "PRECONDITION_FAILED")
      kind = /spending cap/i.test(error.message) ? "spending_cap" : "wrong_step";
    if (!code && !isNetworkFailure(error)) kind = "server";
    const message =
      kind === "network" ? `Could not reach Adgen (${error.message}).` : error.message;
    return new AdgenError(kind, message, {
      fieldErrors: data?.fieldErrors ?? undefined,
      from: error as TRPCClientError<AdgenRouter>,
    });
  }
  if (isNetworkFailure(error))
    return new AdgenError("network", `Could not reach Adgen (${describe(error)}).`, {
      cause: error,
    });
  return new AdgenError("server", describe(error), { cause: error });
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  const base = error instanceof Error ? error.message : String(error);
  return cause?.code ? `${base}: ${cause.code}` : base;
}
