import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readCliEnv } from "./env";

let home: string;
const originalHome = process.env.HOME;

beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), "adgen-sdk-home-"));
  process.env.HOME = home;
});
afterEach(async () => {
  process.env.HOME = originalHome;
  await rm(home, { recursive: true, force: true });
});

describe("saved credentials", () => {
  it("round-trips the token in a file only its owner can read", async () => {
    const { loadCredentials, saveCredentials } = await import("./credentials");
    expect(await loadCredentials()).toBeNull();
    const file = await saveCredentials({
      baseUrl: "http://localhost:3000",
      token: "secret-token",
      email: "a@example.com",
    });
    expect(file).toBe(path.join(home, ".config", "adgen", "credentials.json"));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await loadCredentials()).toEqual({
      baseUrl: "http://localhost:3000",
      token: "secret-token",
      email: "a@example.com",
    });
  });
});

describe("CLI environment", () => {
  it("accepts a URL and a token, treats empty values as unset, and names a bad variable", () => {
    expect(readCliEnv({ ADGEN_URL: "http://127.0.0.1:4000", ADGEN_TOKEN: "t" })).toEqual({
      ADGEN_URL: "http://127.0.0.1:4000",
      ADGEN_TOKEN: "t",
    });
    expect(readCliEnv({ ADGEN_URL: "", ADGEN_TOKEN: "" })).toEqual({});
    expect(() => readCliEnv({ ADGEN_URL: "localhost" })).toThrow(
      /ADGEN_URL: ADGEN_URL must be a URL/,
    );
  });
});
