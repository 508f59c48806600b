/** A one-reader queue that turns callbacks into awaited values. */
export function createInbox<T>() {
  const items: T[] = [];
  let wake: (() => void) | undefined;
  return {
    push(item: T) {
      items.push(item);
      wake?.();
    },
    async next(): Promise<T> {
      while (items.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      return items.shift()!;
    },
  };
}
