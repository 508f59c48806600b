import { type Readable } from "node:stream";

export type StorageDriverName = "local" | "s3";

export interface StoredObject {
  /** Size in bytes. */
  size: number;
  contentType: string;
}

/**
 * A byte range, both ends inclusive (as in HTTP `Range: bytes=start-end`). A missing
 * `start` means 0; a missing `end` means the last byte.
 */
export interface ByteRange {
  start?: number;
  end?: number;
}

export type StorageBody = Buffer | Uint8Array | Readable;

/** One object as a listing shows it. */
export interface ListedObject {
  key: string;
  /** Size in bytes. */
  size: number;
  /** When the object was last written: sweeps leave young objects alone. */
  modifiedAt: Date;
}

/**
 * Where media lives. Keys look like `sessions/<id>/images/<id>.png` and are validated
 * by every method (see keys.ts), so no key can reach outside the store.
 */
export interface Storage {
  readonly driver: StorageDriverName;
  /** Writes the whole object or nothing: readers never see a half-written file. */
  put(key: string, body: StorageBody, options: { contentType: string }): Promise<StoredObject>;
  /**
   * Streams the object or a byte range of it. Throws StorageError "not_found" when the
   * key does not exist and "invalid_range" when the range starts past the end.
   */
  getStream(key: string, range?: ByteRange): Promise<Readable>;
  /** Reads a whole object into memory (for images and clips the pipeline hands to a model). */
  getBytes(key: string): Promise<Buffer>;
  /** Null when the key does not exist. */
  stat(key: string): Promise<StoredObject | null>;
  /** Removes one object; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Removes every object under `prefix/` (a session's folder); returns how many. */
  deletePrefix(prefix: string): Promise<number>;
  /** Every object under `prefix/` (the whole store without one), in no particular order. */
  list(prefix?: string): AsyncIterable<ListedObject>;
  /**
   * Removes what writes cut short by a crash left behind, if it is older than `olderThan`
   * (the local driver's hidden temp files, S3's unfinished multipart uploads); returns how
   * many. Writes still in progress are younger than any sensible cut-off.
   */
  deleteAbandonedWrites(olderThan: Date): Promise<number>;
  /**
   * The URL a client fetches the object from: `/media/<key>` for the local driver (served
   * by the web server with an access check), a presigned GET URL for S3.
   */
  urlFor(key: string, options?: { expiresInSec?: number }): Promise<string>;
}
