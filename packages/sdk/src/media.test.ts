import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdgenClient } from "./client";

/** A loopback HTTP server that records the headers of each request and answers "ok". */
async function recordingServer() {
  const seen: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.headers);
    res.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { seen, url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

let adgen: Awaited<ReturnType<typeof recordingServer>>;
let bucket: Awaited<ReturnType<typeof recordingServer>>;
beforeAll(async () => {
  adgen = await recordingServer();
  bucket = await recordingServer();
});
afterAll(() => {
  adgen.close();
  bucket.close();
});

describe("download", () => {
  it("sends the bearer token to Adgen's own /media URLs", async () => {
    const client = createAdgenClient({ baseUrl: adgen.url, token: "secret-token" });
    expect(Buffer.from(await client.fetchMedia("/media/sessions/a/final.mp4")).toString()).toBe(
      "ok",
    );
    expect(adgen.seen.at(-1)?.authorization).toBe("Bearer secret-token");
    client.close();
  });

  it("never sends the token to another origin such as a presigned bucket URL", async () => {
    const client = createAdgenClient({ baseUrl: adgen.url, token: "secret-token" });
    const presigned = `${bucket.url}/adgen/final.mp4?X-Amz-Signature=abc`;
    expect(Buffer.from(await client.fetchMedia(presigned)).toString()).toBe("ok");
    expect(bucket.seen.at(-1)?.authorization).toBeUndefined();
    client.close();
  });
});

describe("download redirects", () => {
  it("follows Adgen's redirect to storage without carrying the token there", async () => {
    const redirecting = createServer((req, res) => {
      res.writeHead(302, { location: `${bucket.url}/signed/final.mp4?X-Amz-Signature=abc` });
      res.end();
    });
    await new Promise<void>((resolve) => redirecting.listen(0, "127.0.0.1", resolve));
    const { port } = redirecting.address() as AddressInfo;
    const client = createAdgenClient({
      baseUrl: `http://127.0.0.1:${port}`,
      token: "secret-token",
    });
    expect(Buffer.from(await client.fetchMedia("/media/sessions/a/final.mp4")).toString()).toBe(
      "ok",
    );
    expect(bucket.seen.at(-1)?.authorization).toBeUndefined();
    client.close();
    redirecting.close();
  });
});
