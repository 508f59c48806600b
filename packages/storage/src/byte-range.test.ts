import { describe, expect, it } from "vitest";
import { parseRangeHeader, resolveByteRange } from "./byte-range";

describe("parseRangeHeader", () => {
  it("reads the forms browsers and players send", () => {
    expect(parseRangeHeader("bytes=0-", 1000)).toEqual({ start: 0, end: 999 });
    expect(parseRangeHeader("bytes=100-199", 1000)).toEqual({ start: 100, end: 199 });
    expect(parseRangeHeader("bytes=900-5000", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRangeHeader("bytes=-100", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRangeHeader("bytes=-5000", 1000)).toEqual({ start: 0, end: 999 });
  });

  it("sends the whole object for no header, other units or several ranges", () => {
    expect(parseRangeHeader(undefined, 10)).toBeNull();
    expect(parseRangeHeader("items=0-1", 10)).toBeNull();
    expect(parseRangeHeader("bytes=0-1,4-5", 10)).toBeNull();
    expect(parseRangeHeader("bytes=-", 10)).toBeNull();
  });

  it("ignores invalid ranges (RFC 9110 §14.2): the whole object is sent", () => {
    expect(parseRangeHeader("bytes=5-3", 1000)).toBeNull();
    expect(parseRangeHeader("bytes=5-2", 1000)).toBeNull();
    expect(parseRangeHeader("bytes=2000-1000", 1000)).toBeNull();
    expect(parseRangeHeader("bytes=abc", 1000)).toBeNull();
    expect(parseRangeHeader("bytes=--1", 1000)).toBeNull();
    expect(parseRangeHeader("bytes=1-2-3", 1000)).toBeNull();
    expect(parseRangeHeader("bytes=0x10-0x20", 1000)).toBeNull();
    expect(parseRangeHeader("bytes=", 1000)).toBeNull();
    expect(parseRangeHeader("bytes = 0-1", 1000)).toBeNull();
    expect(parseRangeHeader("bytes=-5", 0)).toBeNull();
  });

  it("accepts the unit in any case", () => {
    expect(parseRangeHeader("Bytes=0-0", 10)).toEqual({ start: 0, end: 0 });
  });

  it("marks only well-formed ranges past the end as unsatisfiable (416)", () => {
    expect(parseRangeHeader("bytes=1000-", 1000)).toBe("unsatisfiable");
    expect(parseRangeHeader("bytes=1000-1005", 1000)).toBe("unsatisfiable");
    expect(parseRangeHeader("bytes=99999999999999999999-", 1000)).toBe("unsatisfiable");
    expect(parseRangeHeader("bytes=-0", 1000)).toBe("unsatisfiable");
    expect(parseRangeHeader("bytes=0-", 0)).toBe("unsatisfiable");
  });
});

describe("resolveByteRange", () => {
  it("fills in missing ends and clamps to the object", () => {
    expect(resolveByteRange({}, 10)).toEqual({ start: 0, end: 9 });
    expect(resolveByteRange({ start: 4 }, 10)).toEqual({ start: 4, end: 9 });
    expect(resolveByteRange({ end: 3 }, 10)).toEqual({ start: 0, end: 3 });
    expect(resolveByteRange({ start: 8, end: 99 }, 10)).toEqual({ start: 8, end: 9 });
  });

  it("throws invalid_range for ranges outside the object", () => {
    expect(() => resolveByteRange({ start: 10 }, 10)).toThrow(/outside/);
    expect(() => resolveByteRange({ start: 3, end: 1 }, 10)).toThrow(/reversed/);
    expect(() => resolveByteRange({ start: -2 }, 10)).toThrow(/not a byte offset/);
  });
});
