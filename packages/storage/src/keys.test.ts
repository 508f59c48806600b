import { describe, expect, it } from "vitest";
import { assertStorageKey, isValidStorageKey, storageKey, storageKeyProblem } from "./keys";

describe("storage keys", () => {
  it("accepts folder-like keys of safe characters", () => {
    for (const key of [
      "a",
      "sessions/0f8c-1/images/view_front.v2.png",
      "A-Z/a-z/0-9/x_y.z",
      "x/y..z",
    ]) {
      expect(isValidStorageKey(key)).toBe(true);
    }
  });

  it("says why a key is refused", () => {
    expect(storageKeyProblem("")).toMatch(/empty/);
    expect(storageKeyProblem("../etc/passwd")).toMatch(/relative/);
    expect(storageKeyProblem("a/../b")).toMatch(/relative/);
    expect(storageKeyProblem("/abs/path")).toMatch(/absolute/);
    expect(storageKeyProblem("a\\b")).toMatch(/backslash/);
    expect(storageKeyProblem("a\0b")).toMatch(/NUL/);
    expect(storageKeyProblem("a//b")).toMatch(/empty segment/);
    expect(storageKeyProblem("a/b/")).toMatch(/empty segment/);
    expect(storageKeyProblem("a/./b")).toMatch(/relative/);
    expect(storageKeyProblem(".env")).toMatch(/outside/);
    expect(storageKeyProblem("a b.png")).toMatch(/outside/);
    expect(storageKeyProblem("a%2F..")).toMatch(/outside/);
    expect(storageKeyProblem("caf\u00e9.png")).toMatch(/outside/);
    expect(storageKeyProblem("x".repeat(256))).toMatch(/longer than 255/);
    expect(storageKeyProblem(Array.from({ length: 300 }, () => "abcd").join("/"))).toMatch(
      /longer than 1024/,
    );
  });

  it("joins segments and validates the result", () => {
    expect(storageKey("sessions", "abc", "a.png")).toBe("sessions/abc/a.png");
    expect(() => storageKey("sessions", "..", "a.png")).toThrow(/Invalid storage key/);
    expect(() => assertStorageKey("a/b/../../..")).toThrow(/Invalid storage key/);
  });
});
