import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { exportTestTlsEnv, readTestTlsEnv } from "./env";

const run = promisify(execFile);

export interface TestCertificate {
  certPath: string;
  keyPath: string;
  cert: string;
  key: string;
}

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made with openssl in `dir` (reused
 * when already there). Node trusts it only when NODE_EXTRA_CA_CERTS names `certPath` at
 * process start, which is why `useTestCertificate` runs in vitest's global set-up.
 */
export async function makeTestCertificate(dir: string): Promise<TestCertificate> {
  await mkdir(dir, { recursive: true });
  const certPath = path.join(dir, "loopback-cert.pem");
  const keyPath = path.join(dir, "loopback-key.pem");
  if (!existsSync(certPath) || !existsSync(keyPath)) {
    await run("openssl", [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-days",
      "2",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1,DNS:localhost",
      "-keyout",
      keyPath,
      "-out",
      certPath,
    ]);
  }
  return {
    certPath,
    keyPath,
    cert: await readFile(certPath, "utf8"),
    key: await readFile(keyPath, "utf8"),
  };
}

/**
 * For vitest's globalSetup (runs before the test processes fork): makes the certificate
 * and exports NODE_EXTRA_CA_CERTS, so every test process trusts the loopback HTTPS servers
 * through Node's ordinary CA store, as production trusts replicate.delivery.
 */
export async function useTestCertificate(dir: string): Promise<TestCertificate> {
  const certificate = await makeTestCertificate(dir);
  exportTestTlsEnv(dir, certificate.certPath);
  return certificate;
}

/** The certificate made by `useTestCertificate`, read in a test process. */
export async function loadTestCertificate(): Promise<TestCertificate> {
  const { dir, trusted } = readTestTlsEnv();
  if (!dir || !trusted) {
    throw new Error(
      "No loopback certificate: add @adgen/test-utils/global-setup to vitest's globalSetup " +
        "(or start node with NODE_EXTRA_CA_CERTS and ADGEN_TEST_TLS_DIR set).",
    );
  }
  return makeTestCertificate(dir);
}
