export const ABORTED = Symbol("aborted");

/**
 * Settles with the work's result, or with ABORTED as soon as the signal aborts, so a
 * follower that stops while a query runs is released at once. The query itself finishes
 * in the background; its failure is then ignored.
 */
export function untilAborted<T>(
  work: Promise<T>,
  signal?: AbortSignal,
): Promise<T | typeof ABORTED> {
  if (!signal) return work;
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.resolve(ABORTED);
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(ABORTED);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
