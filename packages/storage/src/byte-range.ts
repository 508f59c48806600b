import { StorageError } from "./errors";
import { type ByteRange } from "./storage";

/** A range with both ends known and inside the object. */
export interface ResolvedRange {
  start: number;
  end: number;
}

/**
 * Clamps a requested range to an object of `size` bytes. A range that starts past the
 * last byte (or is reversed) cannot be served: the caller answers 416.
 */
export function resolveByteRange(range: ByteRange, size: number): ResolvedRange {
  assertByteOffsets(range);
  const start = range.start ?? 0;
  const end = Math.min(range.end ?? size - 1, size - 1);
  if (start >= size || start > end) {
    throw new StorageError(
      "invalid_range",
      `Byte range ${start}-${range.end ?? ""} is outside an object of ${size} bytes`,
    );
  }
  return { start, end };
}

/** Throws StorageError("invalid_range") unless both ends are whole, non-negative and in order. */
export function assertByteOffsets({ start, end }: ByteRange): void {
  for (const value of [start, end]) {
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
      throw new StorageError(
        "invalid_range",
        `Invalid byte range: ${String(value)} is not a byte offset`,
      );
    }
  }
  if (start !== undefined && end !== undefined && start > end) {
    throw new StorageError("invalid_range", `Byte range ${start}-${end} is reversed`);
  }
}

/** True when a range asks for the whole object, so drivers skip range handling (and empty objects work). */
export function isWholeObject(range: ByteRange | undefined): boolean {
  return range === undefined || (range.start === undefined && range.end === undefined);
}

/**
 * Parses an HTTP `Range` header for one object, following RFC 9110 §14. Returns null when
 * the whole object should be sent (200): no header, a unit other than bytes, several
 * ranges (which a server may ignore), or an invalid range — malformed, or reversed like
 * `bytes=5-3` — which a server must ignore. Only a well-formed range that cannot be
 * satisfied (it starts at or past the end, or asks for the last 0 bytes) is "unsatisfiable"
 * (416).
 */
export function parseRangeHeader(
  header: string | undefined,
  size: number,
): ResolvedRange | "unsatisfiable" | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/i.exec(header.trim());
  if (!match) return null;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return null;
  if (first === "") {
    // "bytes=-N" asks for the last N bytes.
    const suffix = Number(last);
    if (suffix === 0) return "unsatisfiable";
    // An empty object has no bytes to send in a 206; the whole (empty) object it is.
    if (size === 0) return null;
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  // A last position before the first makes the range invalid, not unsatisfiable: ignore it.
  if (last !== "" && Number(last) < start) return null;
  if (start >= size) return "unsatisfiable";
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  return { start, end };
}
