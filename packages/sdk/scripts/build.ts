/**
 * Builds the installable SDK into dist/: ESM JavaScript (esbuild) and one bundled .d.ts
 * (rollup-plugin-dts). Workspace packages are inlined, third-party ones stay dependencies.
 *
 * Why these tools: esbuild already builds everything else here (Vite, tsx) and bundles the
 * two entries in well under a second; rollup-plugin-dts is the declaration bundler that tsup
 * itself uses, maintained and able to compile `.ts` sources from other packages. Used
 * directly (not through tsup) because one module must be swapped while bundling: the API's
 * server context (database, pipeline, auth types) is replaced by `object`, which is all a
 * client's type inference needs, so no server-side type reaches the tarball.
 */
import { chmod, readFile, rm, writeFile } from "node:fs/promises";
import { builtinModules } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { rollup } from "rollup";
import { dts } from "rollup-plugin-dts";

const here = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));
const pkg = JSON.parse(await readFile(here("../package.json"), "utf8")) as {
  dependencies: Record<string, string>;
};
const external = [
  ...Object.keys(pkg.dependencies).flatMap((name) => [name, `${name}/*`]),
  ...builtinModules.flatMap((name) => [name, `node:${name}`]),
];

await rm(here("../dist"), { recursive: true, force: true });

await build({
  entryPoints: { index: here("../src/index.ts"), cli: here("../src/cli.ts") },
  outdir: here("../dist"),
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external,
  logLevel: "warning",
});
// Browsers get the same client without Node's pieces: the global WebSocket instead of
// \`ws\`, and a download() that explains it cannot write files.
await build({
  entryPoints: { browser: here("../src/index.ts") },
  outdir: here("../dist"),
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  external,
  logLevel: "warning",
  plugins: [
    {
      name: "browser-modules",
      setup(bundler) {
        bundler.onResolve({ filter: /^\.\/(websocket|write-file)$/ }, (args) => ({
          path: path.join(args.resolveDir, `${args.path}.browser.ts`),
        }));
      },
    },
  ],
});
// The source's hashbang runs it through tsx; the built CLI is plain JavaScript.
const cli = here("../dist/cli.js");
const built = await readFile(cli, "utf8");
await writeFile(cli, `#!/usr/bin/env node\n${built.replace(/^#!.*\n/, "")}`);
await chmod(cli, 0o755);

const types = await rollup({
  input: here("../src/index.ts"),
  plugins: [
    {
      name: "workspace-types",
      resolveId(id, importer) {
        if (id === "@adgen/api") return here("../../api/src/root.ts");
        if (id === "@adgen/schemas") return here("../../schemas/src/index.ts");
        if (id === "./context" && importer?.startsWith(here("../../api/src/")))
          return here("server-context.d.ts");
        return null;
      },
    },
    dts({ respectExternal: true, tsconfig: here("../tsconfig.json") }),
  ],
  external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
});
await types.write({ file: here("../dist/index.d.ts"), format: "es" });
await types.close();

const leaked = [await readFile(here("../dist/index.d.ts"), "utf8"), built].some((text) =>
  /from ["']@adgen\//.test(text),
);
if (leaked) throw new Error("dist/ still imports a workspace package (@adgen/…).");
