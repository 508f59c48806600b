import { defineConfig } from "vitest/config";

/**
 * Shared vitest preset (plain JS: config files load it without a TypeScript loader).
 * Tests that start databases, servers or ffmpeg need more than the default 5 s on
 * these 2-core machines; forks isolate native modules.
 * @param {import("vitest/config").ViteUserConfig["test"]} overrides
 */
export function vitestPreset(overrides = {}) {
  return defineConfig({
    test: {
      include: ["src/**/*.test.ts", "server/**/*.test.ts", "test/**/*.test.ts"],
      testTimeout: 60_000,
      hookTimeout: 120_000,
      pool: "forks",
      fileParallelism: false,
      ...overrides,
    },
  });
}
