import { normaliseText } from "./text-match";

/**
 * FNV-1a over the normalised product description: the same product, however it is
 * capitalised or punctuated, gets the same seed, and so the same renders.
 */
export function consistencySeed(productPrompt: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(normaliseText(productPrompt), "utf8")) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash & 0x7fffffff;
}
