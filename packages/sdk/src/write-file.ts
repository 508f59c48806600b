import { writeFile } from "node:fs/promises";

/** Node: saves downloaded bytes. The browser build swaps in write-file.browser.ts. */
export async function writeBytes(path: string, bytes: Uint8Array): Promise<void> {
  await writeFile(path, bytes);
}
