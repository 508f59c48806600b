import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultDataDir, readDbEnv, resolveDataDir } from "./env";

describe("database configuration", () => {
  it("keeps data in <repo>/data by default, outside every app folder", () => {
    const repoRoot = path.dirname(defaultDataDir);
    expect(path.basename(defaultDataDir)).toBe("data");
    expect(existsSync(path.join(repoRoot, "pnpm-workspace.yaml"))).toBe(true);
    expect(readDbEnv({})).toMatchObject({
      DATA_DIR: defaultDataDir,
      PGLITE_DIR: path.join(defaultDataDir, "pglite"),
    });
    expect(readDbEnv({ DATA_DIR: "  " }).DATA_DIR).toBe(defaultDataDir);
  });

  it("does not depend on the working directory for the default", () => {
    const cwd = process.cwd();
    try {
      process.chdir(path.join(path.dirname(defaultDataDir), "apps/web"));
      expect(readDbEnv({}).DATA_DIR).toBe(defaultDataDir);
    } finally {
      process.chdir(cwd);
    }
  });

  it("resolves an explicit DATA_DIR: absolute as given, relative against cwd", () => {
    expect(readDbEnv({ DATA_DIR: "/srv/adgen" }).PGLITE_DIR).toBe("/srv/adgen/pglite");
    expect(resolveDataDir("./var/adgen")).toBe(path.resolve("var/adgen"));
  });

  it("names a bad DATABASE_URL", () => {
    expect(() => readDbEnv({ DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL/);
    expect(readDbEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });
});
