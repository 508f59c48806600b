import { tmpdir } from "node:os";
import path from "node:path";
import { useTestCertificate } from "./tls";

/**
 * vitest globalSetup: trusts the loopback HTTPS certificate in every test process
 * (NODE_EXTRA_CA_CERTS is read only when a process starts, and test processes fork later).
 */
export default async function setup() {
  await useTestCertificate(path.join(tmpdir(), `adgen-test-tls-${process.pid}`));
}
