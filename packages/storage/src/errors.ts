/** Why a storage call failed, so callers can map it (e.g. not_found → HTTP 404, invalid_range → 416). */
export type StorageErrorCode =
  "invalid_key" | "invalid_content_type" | "not_found" | "invalid_range" | "config";

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "StorageError";
  }
}

export function isStorageError(error: unknown, code?: StorageErrorCode): error is StorageError {
  return error instanceof StorageError && (code === undefined || error.code === code);
}
