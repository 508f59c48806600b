import type { ViteUserConfig } from "vitest/config";

export declare function vitestPreset(overrides?: ViteUserConfig["test"]): ViteUserConfig;
