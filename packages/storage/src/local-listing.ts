import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { isValidStorageKey } from "./keys";
import type { ListedObject } from "./storage";

/*
 * The local driver's listing and its clean-up of cut-short writes. `put` writes
 * `.<name>.<uuid>.tmp` and `.<name>.<uuid>.tmp.type` beside the object and renames them into
 * place (the `.<name>.type` sidecar first, then the object), so a process killed mid-write
 * leaves those hidden files, or a sidecar whose object never arrived.
 */

const PARTIAL_WRITE =
  /^\..+\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.tmp(\.type)?$/;
const SIDECAR = /^\.(.+)\.type$/;

async function filesUnder(dir: string) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(
    (error: unknown) => {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") return [];
      throw error;
    },
  );
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => ({ name: entry.name, file: path.join(entry.parentPath, entry.name) }));
}

/** Objects under `dir` (inside `root`) with their keys; hidden files are not objects. */
export async function* listLocalObjects(root: string, dir: string): AsyncIterable<ListedObject> {
  for (const { name, file } of await filesUnder(dir)) {
    if (name.startsWith(".")) continue;
    const key = path.relative(root, file).split(path.sep).join("/");
    if (!isValidStorageKey(key)) continue;
    const info = await stat(file).catch(() => null);
    if (info) yield { key, size: info.size, modifiedAt: info.mtime };
  }
}

/** Deletes partial writes and object-less sidecars last changed before `olderThan`. */
export async function deleteLocalAbandonedWrites(root: string, olderThan: Date): Promise<number> {
  let deleted = 0;
  for (const { name, file } of await filesUnder(root)) {
    const sidecar = SIDECAR.exec(name);
    const partial = PARTIAL_WRITE.test(name);
    if (!partial && !sidecar) continue;
    const info = await stat(file).catch(() => null);
    if (!info || info.mtime >= olderThan) continue;
    if (!partial && sidecar) {
      const object = await stat(path.join(path.dirname(file), sidecar[1] ?? "")).catch(() => null);
      if (object) continue;
    }
    await rm(file, { force: true });
    deleted += 1;
  }
  return deleted;
}
