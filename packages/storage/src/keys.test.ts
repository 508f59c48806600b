import { describe, expect, it } from "vitest";
import {
  assertStorageKey,
  assetKey,
  isValidStorageKey,
  parseSessionKey,
  sessionPrefix,
  storageKey,
  storageKeyProblem,
} from "./keys";

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

  it("builds every session file's key under the session's folder, and reads it back", () => {
    const sessionId = "0f8c2d1e-5b7a-4c3d-9e8f-1a2b3c4d5e6f";
    const keys = [
      assetKey({ sessionId, kind: "image", id: "a1", extension: "png" }),
      assetKey({ sessionId, kind: "video", id: "b2", extension: "mp4" }),
      assetKey({ sessionId, kind: "audio", id: "c3", extension: "wav" }),
      assetKey({ sessionId, kind: "final_video", id: "d4", extension: "mp4" }),
    ];
    expect(keys).toEqual([
      `sessions/${sessionId}/images/a1.png`,
      `sessions/${sessionId}/clips/b2.mp4`,
      `sessions/${sessionId}/audio/c3.wav`,
      `sessions/${sessionId}/final/d4.mp4`,
    ]);
    for (const key of keys) {
      expect(key.startsWith(`${sessionPrefix(sessionId)}/`)).toBe(true);
      expect(parseSessionKey(key)).toEqual({ sessionId });
    }
    expect(() => assetKey({ sessionId: "..", kind: "image", id: "a", extension: "png" })).toThrow(
      /Invalid storage key/,
    );
  });

  it("finds no session in keys outside a session folder or not valid at all", () => {
    for (const key of ["sessions/abc", "sessions", "other/abc/x.png", "sessions/../x/y", ""]) {
      expect(parseSessionKey(key)).toBeNull();
    }
    expect(parseSessionKey("sessions/abc/x.png")).toEqual({ sessionId: "abc" });
  });
});
