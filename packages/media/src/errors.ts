/**
 * Why a media operation failed, so callers can map it: BAD_INPUT and UNRENDERABLE_TEXT are the
 * user's to fix, TIMEOUT and ABORTED are retryable, the rest are set-up or ffmpeg faults.
 */
export type MediaErrorCode =
  | "CONFIG"
  | "BINARY_NOT_FOUND"
  | "UNSUPPORTED"
  | "FFMPEG_FAILED"
  | "PROBE_FAILED"
  | "TIMEOUT"
  | "ABORTED"
  | "BAD_INPUT"
  | "UNRENDERABLE_TEXT";

export class MediaError extends Error {
  /** The tail of ffmpeg's stderr, for logs; never shown to users as-is. */
  readonly stderr: string | undefined;

  constructor(
    readonly code: MediaErrorCode,
    message: string,
    options?: { cause?: unknown; stderr?: string },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "MediaError";
    this.stderr = options?.stderr;
  }
}

export function isMediaError(error: unknown, code?: MediaErrorCode): error is MediaError {
  return error instanceof MediaError && (code === undefined || error.code === code);
}
