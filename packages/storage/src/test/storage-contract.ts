import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { isStorageError, type StorageErrorCode } from "../errors";
import { type Storage } from "../storage";

/** Behaviour every driver must share, run against a real store by each driver's test file. */
export function describeStorageContract(name: string, getStorage: () => Storage): void {
  describe(`${name}: Storage contract`, () => {
    it("stores bytes and reads them back with size and content type", async () => {
      const storage = getStorage();
      const stored = await storage.put("contract/basic/hello.txt", Buffer.from("hello world"), {
        contentType: "text/plain",
      });
      expect(stored).toEqual({ size: 11, contentType: "text/plain" });
      expect(await storage.stat("contract/basic/hello.txt")).toEqual({
        size: 11,
        contentType: "text/plain",
      });
      expect((await storage.getBytes("contract/basic/hello.txt")).toString()).toBe("hello world");
      expect(await readAll(await storage.getStream("contract/basic/hello.txt"))).toBe(
        "hello world",
      );
    });

    it("stores a stream of many chunks", async () => {
      const storage = getStorage();
      const chunks = Array.from({ length: 40 }, (_, i) => Buffer.alloc(16 * 1024, i));
      const stored = await storage.put("contract/stream/clip.mp4", Readable.from(chunks), {
        contentType: "video/mp4",
      });
      expect(stored).toEqual({ size: 40 * 16 * 1024, contentType: "video/mp4" });
      expect(
        (await storage.getBytes("contract/stream/clip.mp4")).equals(Buffer.concat(chunks)),
      ).toBe(true);
    });

    it("stores an empty object", async () => {
      const storage = getStorage();
      await storage.put("contract/empty.bin", Buffer.alloc(0), {
        contentType: "application/octet-stream",
      });
      expect(await storage.stat("contract/empty.bin")).toEqual({
        size: 0,
        contentType: "application/octet-stream",
      });
      expect(await readAll(await storage.getStream("contract/empty.bin"))).toBe("");
    });

    it("replaces an object on a second put", async () => {
      const storage = getStorage();
      await storage.put("contract/replace.txt", Buffer.from("first version"), {
        contentType: "text/plain",
      });
      await storage.put("contract/replace.txt", Buffer.from("second"), {
        contentType: "application/json",
      });
      expect(await storage.stat("contract/replace.txt")).toEqual({
        size: 6,
        contentType: "application/json",
      });
      expect((await storage.getBytes("contract/replace.txt")).toString()).toBe("second");
    });

    it("serves inclusive byte ranges, clamped at the end", async () => {
      const storage = getStorage();
      await storage.put("contract/range.txt", Buffer.from("0123456789"), {
        contentType: "text/plain",
      });
      const read = async (range: { start?: number; end?: number }) =>
        readAll(await storage.getStream("contract/range.txt", range));
      expect(await read({ start: 2, end: 4 })).toBe("234");
      expect(await read({ start: 7 })).toBe("789");
      expect(await read({ end: 3 })).toBe("0123");
      expect(await read({ start: 9, end: 9 })).toBe("9");
      expect(await read({ start: 8, end: 500 })).toBe("89");
    });

    it("refuses ranges that cannot be served", async () => {
      const storage = getStorage();
      await storage.put("contract/range-bad.txt", Buffer.from("0123456789"), {
        contentType: "text/plain",
      });
      for (const range of [
        { start: 10 },
        { start: 50, end: 60 },
        { start: 5, end: 2 },
        { start: -1 },
        { start: 1.5 },
      ]) {
        await expectStorageError(
          storage.getStream("contract/range-bad.txt", range),
          "invalid_range",
        );
      }
    });

    it("reports missing objects", async () => {
      const storage = getStorage();
      expect(await storage.stat("contract/missing.png")).toBeNull();
      await expectStorageError(storage.getStream("contract/missing.png"), "not_found");
      await expectStorageError(storage.getBytes("contract/missing.png"), "not_found");
      await expect(storage.delete("contract/missing.png")).resolves.toBeUndefined();
    });

    it("deletes one object", async () => {
      const storage = getStorage();
      await storage.put("contract/delete/a.png", Buffer.from("a"), { contentType: "image/png" });
      await storage.put("contract/delete/b.png", Buffer.from("b"), { contentType: "image/png" });
      await storage.delete("contract/delete/a.png");
      expect(await storage.stat("contract/delete/a.png")).toBeNull();
      expect(await storage.stat("contract/delete/b.png")).not.toBeNull();
    });

    it("deletes a folder and nothing that merely shares its name's start", async () => {
      const storage = getStorage();
      const keys = [
        "s/abc/one.png",
        "s/abc/clips/two.mp4",
        "s/abc/clips/deep/three.wav",
        "s/abcd/keep.png",
        "s/keep.png",
      ];
      for (const key of keys)
        await storage.put(key, Buffer.from(key), { contentType: "image/png" });
      expect(await storage.deletePrefix("s/abc")).toBe(3);
      for (const key of keys.slice(0, 3)) expect(await storage.stat(key)).toBeNull();
      for (const key of keys.slice(3)) expect(await storage.stat(key)).not.toBeNull();
      expect(await storage.deletePrefix("s/abc")).toBe(0);
      expect(await storage.deletePrefix("s/never-written")).toBe(0);
    });

    it("lists objects under a folder with size and write time, or the whole store", async () => {
      const storage = getStorage();
      const before = Date.now() - 60_000;
      await storage.put("list/a/one.png", Buffer.from("1"), { contentType: "image/png" });
      await storage.put("list/a/deep/two.mp4", Buffer.from("22"), { contentType: "video/mp4" });
      await storage.put("list/ab/other.png", Buffer.from("333"), { contentType: "image/png" });
      const listed = await collect(storage.list("list/a"));
      expect(listed.map((o) => [o.key, o.size]).sort()).toEqual([
        ["list/a/deep/two.mp4", 2],
        ["list/a/one.png", 1],
      ]);
      for (const object of listed) {
        expect(object.modifiedAt.getTime()).toBeGreaterThan(before);
        expect(object.modifiedAt.getTime()).toBeLessThan(Date.now() + 60_000);
      }
      const everything = (await collect(storage.list())).map((o) => o.key);
      expect(everything).toEqual(
        expect.arrayContaining(["list/a/one.png", "list/a/deep/two.mp4", "list/ab/other.png"]),
      );
      expect(await collect(storage.list("list/none"))).toEqual([]);
      await expectStorageError(collect(storage.list("../up")), "invalid_key");
    });

    it("keeps finished objects when abandoned writes are deleted", async () => {
      const storage = getStorage();
      await storage.put("abandoned/kept.png", Buffer.from("k"), { contentType: "image/png" });
      expect(await storage.deleteAbandonedWrites(new Date(Date.now() + 60_000))).toBe(0);
      expect(await storage.stat("abandoned/kept.png")).toEqual({
        size: 1,
        contentType: "image/png",
      });
    });

    it("rejects keys that could leave the store, in every method", async () => {
      const storage = getStorage();
      for (const key of [
        "../escape.txt",
        "a/../../b",
        "/etc/passwd",
        "a\\b",
        "a\0b",
        "a//b",
        "a/",
        "",
        ".hidden",
        "a/./b",
        "ümlaut",
      ]) {
        await expectStorageError(
          storage.put(key, Buffer.from("x"), { contentType: "text/plain" }),
          "invalid_key",
        );
        await expectStorageError(storage.getStream(key), "invalid_key");
        await expectStorageError(storage.getBytes(key), "invalid_key");
        await expectStorageError(storage.stat(key), "invalid_key");
        await expectStorageError(storage.delete(key), "invalid_key");
        await expectStorageError(storage.deletePrefix(key), "invalid_key");
        await expectStorageError(storage.urlFor(key), "invalid_key");
      }
    });

    it("rejects a content type that is not one media type", async () => {
      const storage = getStorage();
      for (const contentType of ["", "png", "text/plain\r\nX-Evil: 1"]) {
        await expectStorageError(
          storage.put("contract/type.txt", Buffer.from("x"), { contentType }),
          "invalid_content_type",
        );
      }
      expect(await storage.stat("contract/type.txt")).toBeNull();
    });
  });
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

export async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString();
}

export async function expectStorageError(
  promise: Promise<unknown>,
  code: StorageErrorCode,
): Promise<void> {
  const error = await promise.then(
    () => new Error("expected a StorageError, but the call succeeded"),
    (caught: unknown) => caught,
  );
  if (!isStorageError(error, code))
    throw new Error(`expected StorageError "${code}", got ${String(error)}`);
}
