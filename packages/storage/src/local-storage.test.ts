import { mkdtemp, readdir, rm, utimes, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalStorage, type LocalStorage } from "./local-storage";
import {
  collect,
  describeStorageContract,
  expectStorageError,
  readAll,
} from "./test/storage-contract";

let sandbox: string;
let storage: LocalStorage;

beforeAll(async () => {
  sandbox = await mkdtemp(path.join(tmpdir(), "adgen-storage-"));
  storage = createLocalStorage({ root: path.join(sandbox, "media") });
});
afterAll(async () => {
  await rm(sandbox, { recursive: true, force: true });
});

describeStorageContract("local", () => storage);

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe("local storage", () => {
  it("serves objects under /media by default, or under a chosen prefix", async () => {
    expect(await storage.urlFor("sessions/s1/images/a.png")).toBe(
      "/media/sessions/s1/images/a.png",
    );
    const custom = createLocalStorage({ root: path.join(sandbox, "media"), urlPrefix: "/files/" });
    expect(await custom.urlFor("x/y.mp4")).toBe("/files/x/y.mp4");
  });

  it("keeps every write inside its root, whatever the key", async () => {
    const root = path.join(sandbox, "jail", "media");
    const jailed = createLocalStorage({ root });
    await jailed.put("inside.txt", Buffer.from("ok"), { contentType: "text/plain" });
    const attempts = [
      "../outside.txt",
      "../../outside.txt",
      "a/../../outside.txt",
      "/tmp/outside.txt",
      "..\\outside.txt",
      "a/..",
      "..",
      "media/../../outside.txt",
      "inside.txt\0.png",
    ];
    for (const key of attempts) {
      await expectStorageError(
        jailed.put(key, Buffer.from("escaped"), { contentType: "text/plain" }),
        "invalid_key",
      );
      await expectStorageError(jailed.deletePrefix(key), "invalid_key");
      await expectStorageError(jailed.getStream(key), "invalid_key");
    }
    expect(await readdir(path.join(sandbox, "jail"))).toEqual(["media"]);
    expect((await allFiles(root)).map((file) => path.relative(root, file)).sort()).toEqual([
      ".inside.txt.type",
      "inside.txt",
    ]);
    expect(() => jailed.pathFor("../x")).toThrow(/Invalid storage key/);
    expect(jailed.pathFor("a/b.png")).toBe(path.join(root, "a", "b.png"));
  });

  it("never leaves a half-written object: concurrent writers, one winner, no temp files", async () => {
    const first = Buffer.alloc(2 * 1024 * 1024, 0x11);
    const second = Buffer.alloc(3 * 1024 * 1024, 0x22);
    const chunked = (bytes: Buffer) =>
      Readable.from(
        Array.from({ length: 32 }, (_, i) =>
          bytes.subarray(i * (bytes.length / 32), (i + 1) * (bytes.length / 32)),
        ),
      );
    await Promise.all([
      storage.put("atomic/race.bin", chunked(first), { contentType: "application/octet-stream" }),
      storage.put("atomic/race.bin", chunked(second), { contentType: "application/octet-stream" }),
      storage.put("atomic/race.bin", first, { contentType: "application/octet-stream" }),
    ]);
    const stored = await storage.getBytes("atomic/race.bin");
    expect(stored.equals(first) || stored.equals(second)).toBe(true);
    const names = (await allFiles(storage.root)).map((file) => path.basename(file));
    expect(names.filter((name) => name.endsWith(".tmp") || name.includes(".tmp."))).toEqual([]);
  });

  it("keeps the previous version when a streamed write fails", async () => {
    await storage.put("atomic/keep.txt", Buffer.from("good version"), {
      contentType: "text/plain",
    });
    const failing = new Readable({
      read() {
        this.push(Buffer.from("partial "));
        this.destroy(new Error("upstream connection reset"));
      },
    });
    await expect(
      storage.put("atomic/keep.txt", failing, { contentType: "text/plain" }),
    ).rejects.toThrow(/connection reset/);
    expect((await storage.getBytes("atomic/keep.txt")).toString()).toBe("good version");
    const leftovers = (await readdir(path.join(storage.root, "atomic"))).filter((name) =>
      name.includes(".tmp"),
    );
    expect(leftovers).toEqual([]);
  });

  it("lets an open reader finish the version it opened while a new one is written", async () => {
    const before = Buffer.alloc(512 * 1024, 0x41);
    await storage.put("atomic/reader.bin", before, { contentType: "application/octet-stream" });
    const stream = await storage.getStream("atomic/reader.bin");
    await storage.put("atomic/reader.bin", Buffer.from("replaced"), {
      contentType: "application/octet-stream",
    });
    expect(await readAll(stream)).toBe(before.toString());
    expect((await storage.getBytes("atomic/reader.bin")).toString()).toBe("replaced");
  });

  it("derives a content type from the extension when none was stored", async () => {
    await mkdir(path.join(storage.root, "dropped"), { recursive: true });
    await writeFile(path.join(storage.root, "dropped", "still.PNG"), Buffer.from([1, 2, 3]));
    await writeFile(path.join(storage.root, "dropped", "blob"), Buffer.from([1]));
    expect(await storage.stat("dropped/still.PNG")).toEqual({ size: 3, contentType: "image/png" });
    expect(await storage.stat("dropped/blob")).toEqual({
      size: 1,
      contentType: "application/octet-stream",
    });
  });

  it("treats a folder as no object", async () => {
    await storage.put("folder/inner/file.txt", Buffer.from("x"), { contentType: "text/plain" });
    expect(await storage.stat("folder/inner")).toBeNull();
    await expectStorageError(storage.getStream("folder/inner"), "not_found");
    await expectStorageError(storage.getBytes("folder/inner"), "not_found");
    await storage.delete("folder/inner");
    expect(await storage.stat("folder/inner/file.txt")).not.toBeNull();
  });

  it("deletes what a write cut short left behind once it is old, and nothing else", async () => {
    const local = createLocalStorage({ root: path.join(sandbox, "abandoned", "media") });
    await local.put("sessions/s1/images/done.png", Buffer.from("done"), {
      contentType: "image/png",
    });
    const folder = path.dirname(local.pathFor("sessions/s1/images/done.png"));
    const uuid = "0b6f3f0e-3c1a-4e4b-9a53-2f1d2b6c7d8e";
    const old = [
      `.cut.png.${uuid}.tmp`,
      `.cut.png.${uuid}.tmp.type`,
      // The sidecar is renamed into place before its object: a kill in between leaves it alone.
      ".never.png.type",
    ];
    const young = [`.young.png.${uuid}.tmp`, ".arriving.png.type"];
    for (const name of [...old, ...young]) await writeFile(path.join(folder, name), "x");
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const name of old) await utimes(path.join(folder, name), hourAgo, hourAgo);
    const doneSidecar = path.join(folder, ".done.png.type");
    await utimes(doneSidecar, hourAgo, hourAgo);

    expect(await local.deleteAbandonedWrites(new Date(Date.now() - 60_000))).toBe(3);
    expect((await readdir(folder)).sort()).toEqual([...young, ".done.png.type", "done.png"].sort());
    expect(await local.stat("sessions/s1/images/done.png")).toEqual({
      size: 4,
      contentType: "image/png",
    });
    // Hidden files are never listed as objects.
    expect((await collect(local.list())).map((o) => o.key)).toEqual([
      "sessions/s1/images/done.png",
    ]);
  });
});
