import path from "node:path";
import { fileURLToPath } from "node:url";
import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

const webRoot = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(webRoot, "../..");
/** A glob for what lies under `dir` (an absolute path, its glob characters escaped). */
const under = (dir: string, pattern: string) =>
  `${dir.replace(/[*?()[\]{}!+@]/g, "\\$&")}/${pattern}`;
/** Data folders: the default one and any misplaced inside the app (never served nor watched). */
const dataFolders = [
  under(repoRoot, "data/**"),
  under(webRoot, "**/data/**"),
  under(webRoot, "**/pglite/**"),
];

export default defineConfig({
  plugins: [
    tailwindcss(),
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
  server: {
    hmr: { overlay: true },
    // What the dev server may read for the browser; server/dev-guard.ts holds requests to it.
    fs: {
      strict: true,
      allow: [
        path.join(webRoot, "app"),
        path.join(webRoot, "public"),
        // pnpm's real package folders: Remix's client entry, Vite's client. Workspace
        // packages are only linked from there, and their real paths are not in this list.
        path.join(repoRoot, "node_modules/.pnpm"),
        // Workspace sources the browser imports.
        path.join(repoRoot, "packages/schemas/src"),
      ],
      deny: [
        ".env",
        ".env.*",
        "*.{crt,pem,key,p12,pfx}",
        "*.{sqlite,sqlite3,db}",
        "**/.git/**",
        ...dataFolders,
      ],
    },
    watch: { ignored: dataFolders },
  },
});
