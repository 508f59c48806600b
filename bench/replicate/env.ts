import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { useTestCertificate } from "@adgen/test-utils";

/**
 * Node reads NODE_EXTRA_CA_CERTS only at start, so the benchmark makes the loopback
 * certificate and runs itself again in a child that trusts it (once).
 */
export async function ensureTrustedLoopback(): Promise<"ready" | "ran-in-child"> {
  if (process.env.NODE_EXTRA_CA_CERTS && process.env.ADGEN_TEST_TLS_DIR) return "ready";
  await useTestCertificate(path.join(tmpdir(), "adgen-bench-tls"));
  const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: process.env,
  });
  process.exitCode = child.status ?? 1;
  return "ran-in-child";
}

/** Overrides for a shorter run: REPLICATE_BENCH_SCALE=0.1 divides every latency by 10. */
export function latencyScale(): number {
  const scale = Number(process.env.REPLICATE_BENCH_SCALE ?? "1");
  return Number.isFinite(scale) && scale > 0 ? scale : 1;
}
