/*
 * The replicate client retries a 429 at once, about six times in under 100 ms, ignoring
 * Retry-After, and does not retry a POST that answers 5xx (REPLICATE.md). So the client
 * gets this fetch: it waits out Retry-After (or an exponential back-off with jitter) and
 * asks again itself, and once it gives up it hands the client's own instant retries the
 * same final answer instead of letting them hit the rate limit again.
 */

export interface BackoffOptions {
  retries: number;
  baseMs: number;
  maxMs: number;
  /** Told about every wait, for logs and tests. */
  onRetry?: (info: { url: string; status: number | null; delayMs: number }) => void;
  fetch?: typeof fetch;
}

const RETRY_STATUSES = (status: number) => status === 429 || status >= 500;

/** Retry-After in ms: seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** How long to wait before retry number `attempt` (0-based). */
export function backoffDelay(attempt: number, options: BackoffOptions, retryAfter: number | null) {
  // Full-jitter exponential back-off; Retry-After is a floor, with a little jitter above it
  // so that many waiting callers do not all return in the same instant.
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** attempt);
  if (retryAfter !== null) return retryAfter + Math.random() * Math.min(options.baseMs, 1000);
  return exponential / 2 + (Math.random() * exponential) / 2;
}

function sleep(ms: number, signal?: AbortSignal | null) {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

interface FinalAnswer {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: ArrayBuffer;
}

export function createBackoffFetch(options: BackoffOptions): typeof fetch {
  const base = options.fetch ?? globalThis.fetch;
  // The client passes the same init object to every retry of one request.
  const finalAnswers = new WeakMap<object, FinalAnswer>();

  const replay = (answer: FinalAnswer) =>
    new Response(answer.body.slice(0), {
      status: answer.status,
      statusText: answer.statusText,
      headers: answer.headers,
    });

  return async (input, init) => {
    const known = init ? finalAnswers.get(init) : undefined;
    if (known) return replay(known);
    const url = String(input instanceof Request ? input.url : input);
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await base(input, init);
      } catch (error) {
        // A network failure is retried like a 5xx, unless the caller aborted.
        if (init?.signal?.aborted || attempt >= options.retries) throw error;
        const delayMs = backoffDelay(attempt, options, null);
        options.onRetry?.({ url, status: null, delayMs });
        await sleep(delayMs, init?.signal);
        continue;
      }
      if (!RETRY_STATUSES(response.status)) return response;
      if (attempt >= options.retries) {
        const answer: FinalAnswer = {
          status: response.status,
          statusText: response.statusText,
          headers: [...response.headers.entries()],
          body: await response.arrayBuffer(),
        };
        if (init) finalAnswers.set(init, answer);
        return replay(answer);
      }
      const delayMs = backoffDelay(
        attempt,
        options,
        retryAfterMs(response.headers.get("retry-after")),
      );
      await response.arrayBuffer().catch(() => undefined);
      options.onRetry?.({ url, status: response.status, delayMs });
      await sleep(delayMs, init?.signal);
    }
  };
}
