/// <reference types="vitest/config" />
import { vitestPreset } from "@adgen/vitest-config";

export default vitestPreset({ globalSetup: ["./src/global-setup.ts"] });
