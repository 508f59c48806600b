/// <reference types="vitest/config" />
import { vitestPreset } from "@adgen/vitest-config";

// The global set-up makes the loopback certificate and trusts it through NODE_EXTRA_CA_CERTS.
export default vitestPreset({ globalSetup: ["@adgen/test-utils/global-setup"] });
