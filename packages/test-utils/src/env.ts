/** Where the loopback certificate lives for this run (set by `useTestCertificate`). */
export const TEST_TLS_DIR_VARIABLE = "ADGEN_TEST_TLS_DIR";

/** The certificate folder exported by vitest's global set-up, and whether Node trusts it. */
export function readTestTlsEnv(): { dir: string | undefined; trusted: boolean } {
  return {
    dir: process.env[TEST_TLS_DIR_VARIABLE],
    trusted: process.env.NODE_EXTRA_CA_CERTS !== undefined,
  };
}

/** Exported before test processes fork: Node reads NODE_EXTRA_CA_CERTS only at start. */
export function exportTestTlsEnv(dir: string, certPath: string): void {
  process.env[TEST_TLS_DIR_VARIABLE] = dir;
  process.env.NODE_EXTRA_CA_CERTS = certPath;
}
