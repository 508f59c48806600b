import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./test/harness";

const SDK_DIR = fileURLToPath(new URL("../../../packages/sdk", import.meta.url));
const ESBUILD = (
  createRequire(path.join(SDK_DIR, "package.json"))("esbuild/package.json") as { version: string }
).version;
const TYPESCRIPT = (
  createRequire(import.meta.url)("typescript/package.json") as { version: string }
).version;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
async function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, {
      cwd,
      env: { ...process.env, ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr } satisfies Run;
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

/** A tool in another repository: typed use of the client, and the whole flow. */
const APP = `
import { AdgenError, createAdgenClient, type AdgenOutputs, type WatchedEvent } from "@adgen/sdk";

const adgen = createAdgenClient({ baseUrl: process.env.ADGEN_URL ?? "http://localhost:3000" });
await adgen.signup({ email: \`tarball-\${Date.now()}@example.com\`, password: "long-enough-pw" });
const events: WatchedEvent[] = [];
try {
  const { sessionId, session } = await adgen.createAd(
    {
      productPrompt: "Bamboo toothbrush",
      videoPrompt: "Slow push-in on a bathroom shelf",
      productName: "Bristle",
      cta: "Brush better",
      numImages: 4,
      clipDuration: 2,
    },
    { approve: 2, onProgress: (event) => events.push(event) },
  );
  const page: AdgenOutputs["sessions"]["list"] = await adgen.trpc.sessions.list.query({ limit: 5 });
  const stage: AdgenOutputs["sessions"]["get"]["stage"] = session.stage;
  const cost: number = session.totalCost;
  console.log(JSON.stringify({ sessionId, stage, cost, clips: session.clipOrder.length, listed: page.items.length, events: events.length }));
} catch (error) {
  if (error instanceof AdgenError) {
    switch (error.kind) {
      case "validation":
        console.error("fix", error.field, error.fieldErrors);
        break;
      default:
        console.error(error.kind, error.message);
    }
  }
  throw error;
} finally {
  adgen.close();
}
`;

/** Mistakes the bundled types must catch: a wrong input and a wrong use of an output. */
const WRONG = `
import { createAdgenClient } from "@adgen/sdk";

const adgen = createAdgenClient({ baseUrl: "http://localhost:3000" });
await adgen.trpc.generation.generateImages.mutate({ sessionId: "x", productPrompt: "Lamp", numImages: "six" });
const session = await adgen.trpc.sessions.get.query({ sessionId: "x" });
const cost: string = session.totalCost;
console.log(cost);
`;

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    outDir: "dist",
    types: ["node"],
  },
};

let server: TestServer;
let project: string;
beforeAll(async () => {
  server = await startTestServer();
  project = await mkdtemp(path.join(tmpdir(), "adgen-sdk-consumer-"));
});
afterAll(async () => {
  await server.close();
  await rm(project, { recursive: true, force: true });
});

// Packing and a registry install take a while: run once per CI run (its PostgreSQL pass).
describe.skipIf(!process.env.DATABASE_URL)("the packed SDK outside the workspace", () => {
  it("installs without workspace packages, typechecks strictly, catches a wrong input and makes an ad", async () => {
    const built = await run("pnpm", ["run", "build"], SDK_DIR);
    expect(built.code, built.stderr).toBe(0);
    const packDir = path.join(project, "pack");
    await mkdir(packDir);
    const packed = await run("pnpm", ["pack", "--pack-destination", packDir], SDK_DIR);
    expect(packed.code, packed.stderr).toBe(0);
    const [tarball] = await readdir(packDir);
    expect(tarball).toMatch(/^adgen-sdk-[\d.]+\.tgz$/);

    const app = path.join(project, "app");
    await mkdir(path.join(app, "src"), { recursive: true });
    await writeFile(
      path.join(app, "package.json"),
      '{ "name": "consumer", "private": true, "type": "module" }',
    );
    const installed = await run(
      "npm",
      [
        "install",
        "--no-audit",
        "--no-fund",
        path.join(packDir, tarball!),
        `typescript@${TYPESCRIPT}`,
        `esbuild@${ESBUILD}`,
        "@types/node@20",
      ],
      app,
    );
    expect(installed.code, installed.stderr).toBe(0);
    expect(await readdir(path.join(app, "node_modules", "@adgen"))).toEqual(["sdk"]);
    const manifest = JSON.parse(
      await readFile(path.join(app, "node_modules", "@adgen", "sdk", "package.json"), "utf8"),
    ) as Record<string, unknown>;
    expect(manifest).toMatchObject({ types: "./dist/index.d.ts", bin: { adgen: "./dist/cli.js" } });
    expect(JSON.stringify(manifest.dependencies)).not.toMatch(/@adgen|workspace:/);

    await writeFile(path.join(app, "src", "app.ts"), APP);
    await writeFile(
      path.join(app, "tsconfig.json"),
      JSON.stringify({ ...TSCONFIG, include: ["src"] }),
    );
    const typecheck = await run("npx", ["tsc", "-p", "."], app);
    expect(typecheck.stdout).toBe(""); // tsc prints its errors on stdout
    expect(typecheck.code).toBe(0);

    await writeFile(path.join(app, "wrong.ts"), WRONG);
    await writeFile(
      path.join(app, "tsconfig.wrong.json"),
      JSON.stringify({
        ...TSCONFIG,
        compilerOptions: { ...TSCONFIG.compilerOptions, noEmit: true },
        files: ["wrong.ts"],
      }),
    );
    const wrong = await run("npx", ["tsc", "-p", "tsconfig.wrong.json"], app);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stdout).toMatch(
      /wrong\.ts\(5,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/,
    );
    expect(wrong.stdout).toMatch(
      /wrong\.ts\(7,7\): error TS2322: Type 'number' is not assignable to type 'string'/,
    );

    const made = await run("node", ["dist/app.js"], app, { ADGEN_URL: server.baseUrl });
    expect(made.stderr).not.toMatch(/error/i);
    expect(JSON.parse(made.stdout)).toMatchObject({
      stage: "complete",
      cost: 0,
      clips: 2,
      listed: 1,
    });

    // A web page bundles the browser build: no ws, no Node built-ins.
    await writeFile(path.join(app, "page.js"), 'export { createAdgenClient } from "@adgen/sdk";\n');
    const bundled = await run(
      "npx",
      [
        "esbuild",
        "page.js",
        "--bundle",
        "--platform=browser",
        "--format=esm",
        "--outfile=page.bundle.js",
      ],
      app,
    );
    expect(bundled.code, bundled.stderr).toBe(0);
    const page = await readFile(path.join(app, "page.bundle.js"), "utf8");
    expect(page).not.toMatch(/node:|ws does not work in the browser/);

    const help = await run("npx", ["adgen", "--help"], app);
    expect([help.code, help.stdout]).toEqual([0, expect.stringMatching(/^usage: adgen <command>/)]);
    const anonymous = await run("npx", ["adgen", "list"], app, {
      HOME: app,
      ADGEN_URL: server.baseUrl,
    });
    expect(anonymous.code).toBe(3);
  }, 600_000);
});
