import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createAdgenClient, makeAd } from "@adgen/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeUrl } from "./test/flow";
import { startTestServer, type TestServer } from "./test/harness";

const CLI = fileURLToPath(new URL("../../../packages/sdk/src/cli.ts", import.meta.url));
// vitest's module runner has no import.meta.resolve; this is the loader `--import tsx` names.
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

let server: TestServer;
const homes: string[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  for (const home of homes) await rm(home, { recursive: true, force: true });
});

const uniqueEmail = (who: string) => `${who}-${Math.random().toString(36).slice(2)}@example.com`;

/** A fresh HOME for one test, so no test reads credentials another one saved. */
async function newHome(): Promise<string> {
  const home = await mkdtemp(path.join(tmpdir(), "adgen-cli-home-"));
  homes.push(home);
  return home;
}

function cli(
  home: string,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // tsx is resolved here, not from the temporary working folder the CLI runs in.
    const child = spawn(process.execPath, ["--import", TSX, CLI, ...args], {
      env: { ...process.env, HOME: home, ADGEN_URL: server.baseUrl, ADGEN_TOKEN: "" },
      cwd: home,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("the SDK", () => {
  it("makes a whole ad in one call and downloads the MP4", async () => {
    const anon = createAdgenClient({ baseUrl: server.baseUrl });
    const { sessionToken } = await anon.trpc.auth.signup.mutate({
      email: uniqueEmail("sdk"),
      password: "long-enough-pw",
    });
    anon.close();
    const client = createAdgenClient({ baseUrl: server.baseUrl, token: sessionToken });
    const stages = new Set<string>();
    const { session, video } = await makeAd(client, {
      productPrompt: "Rose gold wrist watch",
      videoPrompt: "Slow luxurious push-in, warm light",
      productName: "Aurora",
      cta: "Shop now",
      numImages: 4,
      approveImages: 2,
      clipDuration: 2,
      onEvent: (e) => stages.add(e.stage),
    });
    client.close();
    expect(session.stage).toBe("complete");
    expect([...stages]).toEqual(
      expect.arrayContaining(["image_generation", "clip_generation", "final_composition"]),
    );
    expect(video.subarray(4, 8).toString()).toBe("ftyp");
    const probed = await probeUrl(server.baseUrl, session.finalVideo!.url, sessionToken);
    expect([probed.width, probed.height]).toEqual([1920, 1080]);
    expect(probed.sizeBytes).toBe(video.length);
  });
});

describe("the adgen CLI", () => {
  it("signs up, makes an ad to a file, lists it and shows its costs", async () => {
    const home = await newHome();
    const email = uniqueEmail("cli");
    const signup = await cli(home, ["signup", "--email", email, "--password", "long-enough-pw"]);
    expect(signup.stderr).toBe("");
    expect(signup.stdout).toContain(`Logged in as ${email}; token saved to `);
    expect(signup.stdout).toMatch(/credentials\.json/);

    const made = await cli(home, [
      "make",
      "Canvas tote bag",
      "--video-prompt",
      "Gentle pan across a sunny table",
      "--name",
      "Carry",
      "--cta",
      "Get yours",
      "--images",
      "4",
      "--approve",
      "2",
      "--duration",
      "2",
      "--format",
      "1:1",
      "--out",
      "tote.mp4",
    ]);
    expect(made.stderr).toBe("");
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/Generated image 4 of 4/);
    expect(made.stdout).toMatch(/Saved tote\.mp4: .* 1080x1080/);
    const file = await readFile(path.join(home, "tote.mp4"));
    expect(file.subarray(4, 8).toString()).toBe("ftyp");

    const list = await cli(home, ["list"]);
    expect(list.stdout).toMatch(/complete\s+\$0\.00\s+Canvas tote bag/);
    const sessionId = list.stdout.split(/\s+/)[0]!;
    const costs = await cli(home, ["costs", sessionId]);
    expect(costs.stdout).toMatch(/compositor/);
    expect(costs.stdout).toMatch(/total \$0\.00 of \$10\.00/);
  });

  it("explains bad input with the field that is wrong", async () => {
    // Its own account, made through the API, so the CLI's log-in is exercised too.
    const account = { email: uniqueEmail("cli"), password: "long-enough-pw" };
    const anon = createAdgenClient({ baseUrl: server.baseUrl });
    await anon.trpc.auth.signup.mutate(account);
    anon.close();
    const home = await newHome();
    const login = await cli(home, [
      "login",
      "--email",
      account.email,
      "--password",
      account.password,
    ]);
    expect(login.code).toBe(0);
    expect(login.stdout).toContain(`Logged in as ${account.email}`);
    const bad = await cli(home, [
      "make",
      "ab",
      "--video-prompt",
      "short",
      "--name",
      "X",
      "--cta",
      "Go",
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/adgen: Product description must be at least 3 characters/);
    expect(bad.stderr).toMatch(/productPrompt: Product description must be at least 3 characters/);
    const wrong = await cli(home, ["make", "A nice lamp", "--format", "4:3"]);
    expect(wrong.stderr).toMatch(/--format must be one of: 16:9, 9:16, 1:1/);
  });
});
