import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import {
  lstat,
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from "node:fs/promises";
import path from "node:path";
import { type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { isWholeObject, resolveByteRange } from "./byte-range";
import { assertContentType, contentTypeFromKey } from "./content-type";
import { StorageError } from "./errors";
import { assertStorageKey } from "./keys";
import { deleteLocalAbandonedWrites, listLocalObjects } from "./local-listing";
import { type Storage, type StorageBody, type StoredObject } from "./storage";

export interface LocalStorageOptions {
  /** Folder that holds the objects; created on first write. */
  root: string;
  /** Where the web server serves the folder; `urlFor` returns `<urlPrefix>/<key>`. */
  urlPrefix?: string;
}

export interface LocalStorage extends Storage {
  readonly driver: "local";
  readonly root: string;
  /** The file behind a key, for tools such as ffmpeg that read paths faster than streams. */
  pathFor(key: string): string;
}

export function createLocalStorage(options: LocalStorageOptions): LocalStorage {
  const root = path.resolve(options.root);
  const urlPrefix = (options.urlPrefix ?? "/media").replace(/\/+$/, "");

  function pathFor(key: string): string {
    const file = path.resolve(root, ...assertStorageKey(key).split("/"));
    // Keys are whitelisted already; this is the second lock on the same door.
    if (!file.startsWith(root + path.sep))
      throw new StorageError("invalid_key", "Invalid storage key: outside the store");
    return file;
  }

  // Keys never start with ".", so hidden names beside an object cannot collide with another key.
  function sidecarFor(file: string): string {
    return path.join(path.dirname(file), `.${path.basename(file)}.type`);
  }

  async function contentTypeOf(key: string, file: string): Promise<string> {
    try {
      const stored = (await readFile(sidecarFor(file), "utf8")).trim();
      if (stored) return stored;
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    return contentTypeFromKey(key);
  }

  async function put(
    key: string,
    body: StorageBody,
    { contentType }: { contentType: string },
  ): Promise<StoredObject> {
    const file = pathFor(key);
    assertContentType(contentType);
    await mkdir(path.dirname(file), { recursive: true });
    const token = randomUUID();
    const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${token}.tmp`);
    const sidecarTmp = `${tmp}.type`;
    try {
      if (body instanceof Uint8Array) await writeFile(tmp, body);
      else await pipeline(body, createWriteStream(tmp));
      await writeFile(sidecarTmp, contentType);
      // Renames are atomic on one file system: a reader sees the old object or the new one.
      await rename(sidecarTmp, sidecarFor(file));
      await rename(tmp, file);
    } catch (error) {
      await Promise.all([rm(tmp, { force: true }), rm(sidecarTmp, { force: true })]);
      throw error;
    }
    return { size: (await stat(file)).size, contentType };
  }

  async function getStream(
    key: string,
    range?: { start?: number; end?: number },
  ): Promise<Readable> {
    const file = pathFor(key);
    // Reading through an open handle keeps serving the version we opened even if a put
    // renames a new file over it mid-stream.
    const handle = await open(file, "r").catch((error: unknown) => {
      throw isMissing(error) ? notFound(key) : error;
    });
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw notFound(key);
      if (isWholeObject(range)) return handle.createReadStream();
      const { start, end } = resolveByteRange(range ?? {}, info.size);
      return handle.createReadStream({ start, end });
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async function getBytes(key: string): Promise<Buffer> {
    try {
      return await readFile(pathFor(key));
    } catch (error) {
      throw isMissing(error) || isDirectory(error) ? notFound(key) : error;
    }
  }

  async function statObject(key: string): Promise<StoredObject | null> {
    const file = pathFor(key);
    try {
      const info = await stat(file);
      if (!info.isFile()) return null;
      return { size: info.size, contentType: await contentTypeOf(key, file) };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async function deleteObject(key: string): Promise<void> {
    const file = pathFor(key);
    const info = await lstat(file).catch((error: unknown) =>
      isMissing(error) ? null : Promise.reject(error),
    );
    if (info === null || info.isDirectory()) return;
    await rm(file, { force: true });
    await rm(sidecarFor(file), { force: true });
  }

  async function deletePrefix(prefix: string): Promise<number> {
    const dir = pathFor(prefix);
    let entries;
    try {
      entries = await readdir(dir, { recursive: true, withFileTypes: true });
    } catch (error) {
      if (isMissing(error) || isNotDirectory(error)) return 0;
      throw error;
    }
    const objects = entries.filter((entry) => entry.isFile() && !entry.name.startsWith(".")).length;
    await rm(dir, { recursive: true, force: true });
    return objects;
  }

  return {
    driver: "local",
    root,
    pathFor,
    put,
    getStream,
    getBytes,
    stat: statObject,
    delete: deleteObject,
    deletePrefix,
    list: async function* (prefix) {
      yield* listLocalObjects(root, prefix === undefined ? root : pathFor(prefix));
    },
    deleteAbandonedWrites: (olderThan) => deleteLocalAbandonedWrites(root, olderThan),
    urlFor: async (key) => `${urlPrefix}/${assertStorageKey(key)}`,
  };
}

function notFound(key: string): StorageError {
  return new StorageError("not_found", `No stored object at "${key}"`);
}

function errorCode(error: unknown): unknown {
  return error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
}

function isMissing(error: unknown): boolean {
  return errorCode(error) === "ENOENT";
}

function isDirectory(error: unknown): boolean {
  return errorCode(error) === "EISDIR";
}

function isNotDirectory(error: unknown): boolean {
  return errorCode(error) === "ENOTDIR";
}
