/** Why an output file was not downloaded. */
export class OutputDownloadError extends Error {
  constructor(
    message: string,
    readonly reason: "refused" | "missing" | "too_large" | "timeout" | "network",
  ) {
    super(message);
    this.name = "OutputDownloadError";
  }
}

export interface DownloadOptions {
  /** Host patterns: "replicate.delivery", "*.replicate.delivery", "127.0.0.1:8443". */
  allowedHosts: string[];
  maxBytes: number;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** True when the URL's host is one of the patterns (a pattern with a port must match it). */
export function hostAllowed(url: URL, patterns: string[]): boolean {
  const hostname = url.hostname.toLowerCase();
  const host = url.host.toLowerCase();
  return patterns.some((pattern) => {
    if (pattern.startsWith("*.")) return hostname.endsWith(pattern.slice(1));
    return pattern.includes(":") ? host === pattern : hostname === pattern;
  });
}

function checkUrl(raw: string, allowedHosts: string[]): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutputDownloadError(
      "The model answered something that is not a file URL.",
      "refused",
    );
  }
  if (url.protocol !== "https:") {
    throw new OutputDownloadError(
      `Refused to download a model output over ${url.protocol.slice(0, -1)}; only https is allowed.`,
      "refused",
    );
  }
  if (!hostAllowed(url, allowedHosts)) {
    throw new OutputDownloadError(
      `Refused to download a model output from ${url.host}, which is not in REPLICATE_OUTPUT_HOSTS.`,
      "refused",
    );
  }
  return url;
}

const MAX_REDIRECTS = 3;

/**
 * Copies a prediction's output file into memory at once (Replicate deletes it after about
 * an hour): https only, from allowed hosts only (every redirect is checked too), no larger
 * than `maxBytes`, within `timeoutMs`.
 */
export async function downloadOutput(
  raw: string,
  options: DownloadOptions,
): Promise<{ bytes: Buffer; contentType: string }> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let url = checkUrl(raw, options.allowedHosts);
  try {
    for (let hop = 0; ; hop++) {
      const response = await fetch(url, { redirect: "manual", signal });
      if (response.status >= 300 && response.status < 400 && hop < MAX_REDIRECTS) {
        await response.body?.cancel();
        url = checkUrl(
          new URL(response.headers.get("location") ?? "", url).href,
          options.allowedHosts,
        );
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new OutputDownloadError(
          `The model's output file could not be fetched (HTTP ${response.status}).`,
          "missing",
        );
      }
      const declared = Number(response.headers.get("content-length") ?? "0");
      if (declared > options.maxBytes) {
        await response.body?.cancel();
        throw tooLarge(options.maxBytes);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      // A reader, not `for await`: the DOM typing of ReadableStream (seen by the web app's
      // typecheck) is not async-iterable.
      const reader = response.body?.getReader();
      for (let part = await reader?.read(); part && !part.done; part = await reader?.read()) {
        size += part.value.byteLength;
        if (size > options.maxBytes) {
          await reader?.cancel();
          throw tooLarge(options.maxBytes);
        }
        chunks.push(Buffer.from(part.value));
      }
      return {
        bytes: Buffer.concat(chunks),
        contentType: (response.headers.get("content-type") ?? "application/octet-stream")
          .split(";")[0]!
          .trim(),
      };
    }
  } catch (error) {
    if (error instanceof OutputDownloadError) throw error;
    if (timeout.aborted) {
      throw new OutputDownloadError(
        `The model's output file did not download within ${Math.round(options.timeoutMs / 1000)} s.`,
        "timeout",
      );
    }
    if (options.signal?.aborted) throw error;
    throw new OutputDownloadError("The model's output file could not be downloaded.", "network");
  }
}

const tooLarge = (max: number) =>
  new OutputDownloadError(
    `The model's output file is larger than the ${Math.round(max / 1024 / 1024)} MB allowed.`,
    "too_large",
  );
