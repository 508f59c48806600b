import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createS3Storage, type S3Storage } from "./s3-storage";
import { describeStorageContract } from "./test/storage-contract";

// s3rver is a real S3-compatible HTTP server; it runs on loopback on a port the OS picks.
// It does not verify SigV4 signatures, so a tampered presigned URL cannot be tested here.
let sandbox: string;
let server: S3rver;
let storage: S3Storage;
let endpoint: string;

beforeAll(async () => {
  sandbox = await mkdtemp(path.join(tmpdir(), "adgen-s3rver-"));
  server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: sandbox,
    configureBuckets: [{ name: "adgen-media", configs: [] }],
  });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  storage = createS3Storage({
    bucket: "adgen-media",
    region: "us-east-1",
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
});
afterAll(async () => {
  storage?.client.destroy();
  await server?.close();
  await rm(sandbox, { recursive: true, force: true });
});

describeStorageContract("s3", () => storage);

describe("s3 storage", () => {
  it("hands out presigned GET URLs that a plain HTTP client can fetch, with ranges", async () => {
    await storage.put("sessions/s1/final.mp4", Buffer.from("not really a video"), {
      contentType: "video/mp4",
    });
    const url = await storage.urlFor("sessions/s1/final.mp4", { expiresInSec: 300 });
    expect(url.startsWith(`${endpoint}/adgen-media/sessions/s1/final.mp4?`)).toBe(true);
    expect(new URL(url).searchParams.get("X-Amz-Expires")).toBe("300");

    const whole = await fetch(url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("video/mp4");
    expect(await whole.text()).toBe("not really a video");

    const part = await fetch(url, { headers: { Range: "bytes=4-9" } });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe("really");
  });

  it("streams a body larger than one multipart part", async () => {
    // 5 MiB is S3's minimum part size, so 6 MiB from a stream goes up as a multipart upload.
    const chunk = Buffer.alloc(256 * 1024, 7);
    const body = Readable.from(Array.from({ length: 24 }, () => chunk));
    expect(await storage.put("big/clip.mp4", body, { contentType: "video/mp4" })).toEqual({
      size: 24 * chunk.length,
      contentType: "video/mp4",
    });
    const tail = await storage.getStream("big/clip.mp4", { start: 24 * chunk.length - 3 });
    const bytes: Buffer[] = [];
    for await (const piece of tail) bytes.push(Buffer.from(piece as Uint8Array));
    expect(Buffer.concat(bytes)).toEqual(Buffer.from([7, 7, 7]));
  });
});
