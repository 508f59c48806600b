import { probeMedia } from "@adgen/media";
import { createAdgenClient } from "@adgen/sdk";
import { spawn } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./test/harness";
import { holdableLocalProvider, uniqueEmail } from "./test/sdk-helpers";

const CLI = fileURLToPath(new URL("../../../packages/sdk/src/cli.ts", import.meta.url));
// vitest's module runner has no import.meta.resolve; this is the loader `--import tsx` names.
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

const images = holdableLocalProvider();
let server: TestServer;
let home: string;
beforeAll(async () => {
  server = await startTestServer({ provider: images.provider });
  home = await mkdtemp(path.join(tmpdir(), "adgen-cli-home-"));
});
afterAll(async () => {
  await server.close();
  await rm(home, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts the CLI as a child process in `cwd`, which is also its HOME (its saved login). */
function start(
  args: string[],
  options: {
    cwd?: string;
    onStdout?: (text: string) => void;
    onStderr?: (text: string) => void;
  } = {},
) {
  const child = spawn(process.execPath, ["--import", TSX, CLI, ...args], {
    env: { ...process.env, HOME: options.cwd ?? home, ADGEN_URL: server.baseUrl, ADGEN_TOKEN: "" },
    cwd: options.cwd ?? home,
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => {
    stdout += c.toString();
    options.onStdout?.(stdout);
  });
  child.stderr.on("data", (c: Buffer) => {
    stderr += c.toString();
    options.onStderr?.(stderr);
  });
  const done = new Promise<Run>((resolve) =>
    child.on("exit", (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}

const cli = (args: string[], options?: { cwd?: string }) => start(args, options).done;

const AD = [
  "--video-prompt",
  "Gentle pan across a sunny table",
  "--name",
  "Carry",
  "--cta",
  "Get yours",
];
const SMALL = ["--images", "4", "--approve", "2", "--duration", "2"];

// The CLI does not care which database the server uses: run it once per CI run (its
// PostgreSQL pass), where the SDK tests in sdk.test.ts also run on PGlite.
describe.skipIf(!process.env.DATABASE_URL)("the adgen CLI", () => {
  beforeAll(async () => {
    const signup = await cli([
      "signup",
      "--email",
      uniqueEmail("cli"),
      "--password",
      "long-enough-pw",
      "--json",
    ]);
    expect(signup.code).toBe(0);
    expect(JSON.parse(signup.stdout)).toMatchObject({
      credentialsFile: expect.stringMatching(/credentials\.json$/),
    });
  });

  it("cancels on Ctrl-C, says how to continue, and the resumed ad is saved; list, status and costs answer as JSON", async () => {
    // The renders are held, so Ctrl-C lands while the image step is known to be running.
    images.hold();
    const args = [
      "make",
      "Canvas tote bag",
      ...AD,
      ...SMALL,
      "--format",
      "1:1",
      "--out",
      "tote.mp4",
    ];
    let interrupted = false;
    const first = start(args, {
      onStderr: (text) => {
        if (interrupted || !/image_generation/.test(text)) return;
        interrupted = true;
        first.child.kill("SIGINT");
      },
    });
    const stopped = await first.done;
    images.release();
    expect(stopped.code).toBe(130);
    const sessionId = /--resume ([0-9a-f-]{36})/.exec(stopped.stdout)?.[1];
    expect(stopped.stdout).toBe(
      `Cancelled the running step of ${sessionId} (back at created); nothing more is charged. Continue it with: adgen make 'Canvas tote bag' --video-prompt 'Gentle pan across a sunny table' --name Carry --cta 'Get yours' --images 4 --duration 2 --format 1:1 --approve 2 --out tote.mp4 --resume ${sessionId}\n`,
    );
    const cancelled = JSON.parse((await cli(["status", sessionId!, "--json"])).stdout) as {
      stage: string;
    };
    expect(cancelled.stage).toBe("created");

    const made = await cli([...args, "--resume", sessionId!]);
    expect(made.stderr).toMatch(/\[100 %\] image_selection: /);
    expect(made.stderr).toMatch(/Generated image 4 of 4/);
    expect(made.stdout).toMatch(/^Saved tote\.mp4: .* 1080x1080/);
    expect(made.code).toBe(0);
    const probed = await probeMedia(path.join(home, "tote.mp4"));
    expect([probed.width, probed.height]).toEqual([1080, 1080]);

    const list = await cli(["list", "--json"]);
    const page = JSON.parse(list.stdout) as { items: { id: string; stage: string }[] };
    expect(page.items.map((item) => [item.id, item.stage])).toEqual([[sessionId, "complete"]]);
    const status = JSON.parse((await cli(["status", sessionId!, "--json"])).stdout) as {
      clipOrder: string[];
    };
    expect(status.clipOrder).toHaveLength(2);
    const costs = await cli(["costs", sessionId!, "--json"]);
    expect(JSON.parse(costs.stdout)).toMatchObject({ total: 0, budget: 10 });
    const watch = await cli(["watch", sessionId!]);
    expect([watch.code, watch.stdout]).toEqual([
      0,
      `${sessionId} is at complete; no step is running.\n`,
    ]);
  }, 240_000);

  it("makes a batch: an invalid line is reported, the others are made, and the exit code is 1", async () => {
    const lines = [
      {
        productPrompt: "Matte black water bottle",
        videoPrompt: "Slow orbit on marble",
        productName: "AeroFlask",
        cta: "Shop now",
        numImages: 4,
        clipDuration: 2,
        music: "upbeat",
      },
      { productPrompt: "Linen shirt", videoPrompt: "short", productName: "Breeze", cta: "Buy" },
      {
        productPrompt: "Walnut desk lamp",
        videoPrompt: "Warm light sweeping across a desk",
        productName: "Glow",
        cta: "Light up",
        numImages: 4,
        clipDuration: 2,
        aspectRatio: "9:16",
      },
    ];
    await writeFile(path.join(home, "ads.jsonl"), lines.map((l) => JSON.stringify(l)).join("\n"));
    const batch = await cli([
      "batch",
      "ads.jsonl",
      "--concurrency",
      "2",
      "--out-dir",
      "out",
      "--approve",
      "2",
      "--json",
    ]);
    const records = batch.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.at(-1)).toMatchObject({
      type: "summary",
      lines: 3,
      done: 2,
      invalid: 1,
      failed: 0,
    });
    const results = records
      .filter((r) => r.type === "result")
      .sort((a, b) => Number(a.line) - Number(b.line));
    expect(results.map((r) => r.status)).toEqual(["done", "invalid", "done"]);
    expect(results[1]!.error).toBe("videoPrompt: Video description must be at least 10 characters");
    expect(batch.code).toBe(1);
    expect((await readdir(path.join(home, "out"))).toSorted()).toEqual([
      "001-aeroflask.mp4",
      "003-glow.mp4",
    ]);
    const lamp = await probeMedia(path.join(home, "out", "003-glow.mp4"));
    expect([lamp.width, lamp.height]).toEqual([1080, 1920]);
  }, 300_000);

  it("watch follows a running step as JSON lines until the step ends", async () => {
    const saved = JSON.parse(
      await readFile(path.join(home, ".config", "adgen", "credentials.json"), "utf8"),
    ) as { token: string };
    const client = createAdgenClient({ baseUrl: server.baseUrl, token: saved.token });
    images.hold();
    const { sessionId } = await client.trpc.sessions.create.mutate();
    await client.trpc.generation.generateImages.mutate({
      sessionId,
      productPrompt: "Ceramic flower vase",
      numImages: 4,
    });
    // The step is held until the watcher has said something, so it surely watches it run.
    const watching = start(["watch", sessionId, "--json"], { onStdout: () => images.release() });
    const watched = await watching.done;
    client.close();
    expect(watched.code).toBe(0);
    const lines = watched.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { type: string; id?: string; stage: string });
    expect(lines.at(-1)).toEqual({ type: "end", sessionId, stage: "image_selection" });
    const ids = lines.filter((l) => l.type === "event").map((l) => Number(l.id));
    expect(ids).toEqual(ids.map((_, i) => ids[0]! + i));
    expect(lines.filter((l) => l.type === "event").at(-1)).toMatchObject({
      stage: "image_selection",
      done: true,
    });
  }, 120_000);

  it("exits 2 on usage errors with the flag or field at fault, in one line", async () => {
    const format = await cli(["make", "A nice lamp", ...AD, "--format", "4:3"]);
    expect([format.code, format.stderr]).toEqual([
      2,
      expect.stringMatching(/^adgen: --format: .*16:9.*\n$/),
    ]);
    const short = await cli(["make", "ab", ...AD]);
    expect(short.stderr).toBe(
      'adgen: "<product>": Product description must be at least 3 characters\n',
    );
    expect(short.code).toBe(2);
    expect((await cli(["bogus"])).code).toBe(2);
    expect((await cli(["status"])).stderr).toBe(
      "adgen: adgen status takes one argument: <sessionId>.\n",
    );
    const json = await cli(["list", "--bogus", "--json"]);
    expect([json.code, JSON.parse(json.stdout)]).toEqual([
      2,
      { error: expect.objectContaining({ kind: "usage" }) },
    ]);
  }, 60_000);

  it("exits 3 when not logged in", async () => {
    const fresh = await mkdtemp(path.join(tmpdir(), "adgen-cli-anon-"));
    try {
      const list = await cli(["list"], { cwd: fresh });
      expect([list.code, list.stderr]).toEqual([
        3,
        "adgen: Not logged in: run `adgen login` or set ADGEN_TOKEN.\n",
      ]);
      const json = await cli(["status", crypto.randomUUID(), "--json"], { cwd: fresh });
      expect([json.code, JSON.parse(json.stdout)]).toEqual([
        3,
        { error: expect.objectContaining({ kind: "auth" }) },
      ]);
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  }, 60_000);
});
