import { execFileSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isMediaError } from "../errors";
import {
  ensureExecutable,
  locateBinariesFrom,
  locateMediaBinaries,
  resolveBinary,
} from "./binaries";

let dir: string;
let fakeBinary: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "binaries-"));
  fakeBinary = path.join(dir, "ffmpeg");
  await writeFile(fakeBinary, "#!/bin/sh\necho fake\n");
  await chmod(fakeBinary, 0o755);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const isExecutable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

describe("resolveBinary", () => {
  it("prefers the explicit variable, then PATH, then the npm package", () => {
    const npm = () => "/nowhere/npm-ffmpeg";
    expect(
      resolveBinary("ffmpeg", { envValue: fakeBinary, searchPath: "/usr/bin", npmPath: npm }),
    ).toEqual({
      path: fakeBinary,
      source: "env",
    });
    expect(
      resolveBinary("ffmpeg", {
        envValue: undefined,
        searchPath: `/does/not/exist:${dir}`,
        npmPath: npm,
      }),
    ).toEqual({
      path: fakeBinary,
      source: "path",
    });
  });

  it("names the variable when it points nowhere", () => {
    const attempt = () =>
      resolveBinary("ffprobe", {
        envValue: "/no/such/ffprobe",
        searchPath: "",
        npmPath: () => undefined,
      });
    expect(attempt).toThrow(/FFPROBE_PATH/);
  });

  it("falls back to the npm binary and gives it back its execute bit", async () => {
    const shipped = path.join(dir, "shipped-ffprobe");
    await writeFile(shipped, "#!/bin/sh\necho shipped\n");
    await chmod(shipped, 0o644);
    const found = resolveBinary("ffprobe", {
      envValue: undefined,
      searchPath: "",
      npmPath: () => shipped,
    });
    expect(found).toEqual({ path: shipped, source: "npm" });
    expect(isExecutable(shipped)).toBe(true);
    ensureExecutable(shipped);
    expect(execFileSync(shipped, { encoding: "utf8" }).trim()).toBe("shipped");
  });

  it("says how to fix a machine with no ffmpeg at all", () => {
    try {
      resolveBinary("ffmpeg", { envValue: undefined, searchPath: "", npmPath: () => undefined });
      expect.unreachable();
    } catch (error) {
      expect(isMediaError(error, "BINARY_NOT_FOUND")).toBe(true);
      expect((error as Error).message).toMatch(/FFMPEG_PATH.*PATH.*@ffmpeg-installer\/ffmpeg/);
    }
  });
});

describe("locating the real binaries", () => {
  it("finds ffmpeg and ffprobe that run", () => {
    const { ffmpeg, ffprobe } = locateMediaBinaries();
    expect(execFileSync(ffmpeg.path, ["-hide_banner", "-version"], { encoding: "utf8" })).toMatch(
      /^ffmpeg version/,
    );
    expect(execFileSync(ffprobe.path, ["-hide_banner", "-version"], { encoding: "utf8" })).toMatch(
      /^ffprobe version/,
    );
    expect(locateMediaBinaries()).toBe(locateMediaBinaries());
  });

  it("uses the npm-shipped builds when PATH has none", () => {
    const { ffmpeg, ffprobe } = locateBinariesFrom({ PATH: "" });
    expect(ffmpeg.source).toBe("npm");
    expect(ffprobe.source).toBe("npm");
    expect(execFileSync(ffprobe.path, ["-hide_banner", "-version"], { encoding: "utf8" })).toMatch(
      /^ffprobe version/,
    );
  });

  it("rejects a blank variable with a message naming it", () => {
    expect(() => locateBinariesFrom({ FFMPEG_PATH: "   ", PATH: "" })).toThrow(/FFMPEG_PATH/);
  });
});
