import { startReplicateTestServer, type ReplicateTestServer } from "@adgen/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { downloadOutput, hostAllowed, OutputDownloadError } from "./download";

let secure: ReplicateTestServer;
let plain: ReplicateTestServer;
beforeAll(async () => {
  secure = await startReplicateTestServer();
  plain = await startReplicateTestServer({ insecure: true });
});
afterAll(async () => {
  await secure?.close();
  await plain?.close();
});

const options = () => ({
  allowedHosts: [secure.host, plain.host],
  maxBytes: 4096,
  timeoutMs: 5000,
});
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable("the download was allowed"),
    (error: unknown) => {
      expect(error).toBeInstanceOf(OutputDownloadError);
      return error as OutputDownloadError;
    },
  );

describe("the output-download guard", () => {
  it("downloads an https output from an allowed host", async () => {
    const url = secure.serve(Buffer.alloc(1000, 1), "image/png");
    const file = await downloadOutput(url, options());
    expect(file).toEqual({ bytes: Buffer.alloc(1000, 1), contentType: "image/png" });
  });

  it("refuses plain http, even from an allowed host", async () => {
    const url = plain.serve(Buffer.alloc(10), "image/png");
    const error = await refusal(downloadOutput(url, options()));
    expect(error.reason).toBe("refused");
    expect(error.message).toMatch(/only https/);
    expect(plain.requests).toHaveLength(0);
  });

  it("refuses a host that is not in REPLICATE_OUTPUT_HOSTS without contacting it", async () => {
    const url = secure.serve(Buffer.alloc(10), "image/png");
    const error = await refusal(
      downloadOutput(url, { ...options(), allowedHosts: ["replicate.delivery"] }),
    );
    expect(error.message).toMatch(/not in REPLICATE_OUTPUT_HOSTS/);
    expect(secure.requests.filter((r) => r.path === new URL(url).pathname)).toHaveLength(0);
  });

  it("refuses a file larger than the limit", async () => {
    const url = secure.serve(Buffer.alloc(5000), "video/mp4");
    const error = await refusal(downloadOutput(url, options()));
    expect(error.reason).toBe("too_large");
  });

  it("matches host patterns: exact names, *.suffix, and host:port", () => {
    const patterns = ["replicate.delivery", "*.replicate.delivery", "127.0.0.1:8443"];
    expect(hostAllowed(new URL("https://replicate.delivery/x"), patterns)).toBe(true);
    expect(hostAllowed(new URL("https://pbxt.replicate.delivery/x"), patterns)).toBe(true);
    expect(hostAllowed(new URL("https://evilreplicate.delivery/x"), patterns)).toBe(false);
    expect(hostAllowed(new URL("https://replicate.delivery.evil.com/x"), patterns)).toBe(false);
    expect(hostAllowed(new URL("https://127.0.0.1:8443/x"), patterns)).toBe(true);
    expect(hostAllowed(new URL("https://127.0.0.1:9000/x"), patterns)).toBe(false);
  });
});
