/**
 * Sending raw requests and judging the answers, for the security suites. Raw on purpose:
 * the typed client would refuse to send most of what these tests need to send.
 */

/** What a case expects. "4xx" is any client error; a number is that exact status. */
export interface Expectation {
  status: "4xx" | number | number[];
  /** tRPC error code (data.code), when the answer is a tRPC error. */
  code?: string;
  /** A key of `error.data.fieldErrors` that must be present (or a key under it: "ids.0"). */
  field?: string;
}

export interface Answer {
  status: number;
  body: string;
  headers: Headers;
}

/** One tRPC error as the client sees it: superjson-wrapped or plain. */
export interface TrpcErrorView {
  message: unknown;
  code: unknown;
  httpStatus: unknown;
  fieldErrors: unknown;
  stack: unknown;
}

const STACK = [
  /\n\s*at\s+\S/, // "    at fn (file:1:2)"
  /\bat\s+[\w$.<>[\] ]+\s\([^)]*:\d+:\d+\)/,
  /&nbsp;\s*at\s/,
  /node:internal/,
  /node_modules/,
  /\/work\/|\/home\/|\/tmp\//,
  /\.[cm]?[jt]sx?:\d+(:\d+)?/,
];
const SQL = [
  /Failed query/i,
  /\bselect\b[\s\S]{0,400}\bfrom\s+"/i,
  /\binsert\s+into\b/i,
  /\bupdate\s+"[^"]+"\s+set\b/i,
  /\bdelete\s+from\b/i,
  /\bparams:/i,
  /violates\s+[\w ]*constraint/i,
  /\bsyntax for type\b/i,
  /\bSQLSTATE\b|\bpg_\w+|\bdrizzle\b/i,
];
/** Raw runtime and parser messages: true, but not something to show a person. */
const RAW = [
  /Cannot read propert/i,
  /is not a function/,
  /is not defined/,
  /URI malformed/,
  /Unexpected token/,
  /in JSON at position/,
  /Unknown transformation/,
  /Maximum call stack/,
  /\[object Object\]/,
  /^\s*\[\s*\{/, // a JSON dump of validation issues
];

export function leaks(text: string): string[] {
  const found: string[] = [];
  for (const re of STACK) if (re.test(text)) found.push(`stack trace or file path (${re})`);
  for (const re of SQL) if (re.test(text)) found.push(`SQL text (${re})`);
  return found;
}

function unclear(message: unknown): string | null {
  if (typeof message !== "string" || message.trim() === "") return "no message";
  if (message.length > 400) return `message of ${message.length} characters`;
  for (const re of RAW)
    if (re.test(message)) return `raw internal message: ${message.slice(0, 120)}`;
  return null;
}

function unwrap(value: unknown): Record<string, unknown> | null {
  if (!value || typeof value !== "object") return null;
  const record = value as Record<string, unknown>;
  // superjson: { json, meta }
  if ("json" in record && record.json && typeof record.json === "object") {
    return record.json as Record<string, unknown>;
  }
  return record;
}

/** The tRPC errors in a JSON answer (one, or one per batch entry). */
export function trpcErrors(parsed: unknown): { errors: TrpcErrorView[]; results: number } {
  const entries = Array.isArray(parsed) ? parsed : [parsed];
  const errors: TrpcErrorView[] = [];
  let results = 0;
  for (const entry of entries) {
    const record = entry && typeof entry === "object" ? (entry as Record<string, unknown>) : {};
    if ("result" in record) {
      results++;
      continue;
    }
    const shape = unwrap(record.error);
    if (!shape) continue;
    const data = (shape.data ?? {}) as Record<string, unknown>;
    errors.push({
      message: shape.message,
      code: data.code,
      httpStatus: data.httpStatus,
      fieldErrors: data.fieldErrors,
      stack: data.stack,
    });
  }
  return { errors, results };
}

function statusMatches(status: number, expected: Expectation["status"]): boolean {
  if (expected === "4xx") return status >= 400 && status < 500;
  if (Array.isArray(expected)) return expected.includes(status);
  return status === expected;
}

function hasField(fieldErrors: unknown, field: string): boolean {
  if (!fieldErrors || typeof fieldErrors !== "object") return false;
  return Object.entries(fieldErrors as Record<string, unknown>).some(
    ([key, messages]) =>
      (key === field || key.startsWith(`${field}.`)) &&
      Array.isArray(messages) &&
      messages.length > 0 &&
      messages.every((m) => typeof m === "string" && unclear(m) === null),
  );
}

/** Checks one tRPC error shape against what the case expects. */
export function judgeTrpcError(error: TrpcErrorView, expected: Expectation): string[] {
  const problems: string[] = [];
  const status = typeof error.httpStatus === "number" ? error.httpStatus : NaN;
  if (!(status >= 400 && status < 500))
    problems.push(`error httpStatus ${String(error.httpStatus)}`);
  const why = unclear(error.message);
  if (why) problems.push(why);
  if (error.stack) problems.push("error.data.stack is set");
  if (expected.code && error.code !== expected.code) {
    problems.push(`code ${String(error.code)}, expected ${expected.code}`);
  }
  if (expected.field && !hasField(error.fieldErrors, expected.field)) {
    problems.push(
      `no fieldErrors for "${expected.field}" (got ${JSON.stringify(error.fieldErrors)})`,
    );
  }
  return problems;
}

/**
 * Every problem with a tRPC HTTP answer: a status outside what was expected (never 5xx),
 * an error without a clear message or the expected code and field, or a leak.
 */
export function judgeTrpcAnswer(answer: Answer, expected: Expectation): string[] {
  if (answer.headers.get("content-type")?.startsWith("text/event-stream")) {
    return judgeEventStream(answer, expected);
  }
  const problems: string[] = [];
  if (!statusMatches(answer.status, expected.status)) {
    problems.push(`status ${answer.status}, expected ${String(expected.status)}`);
  }
  problems.push(...leaks(answer.body));
  if (answer.status < 400 && answer.status !== 207) return problems;
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.body);
  } catch {
    // Node itself refuses oversized heads and bodies (413, 414, 431) with an empty body.
    if (answer.body.trim() === "" && ![413, 414, 431].includes(answer.status)) {
      problems.push("empty error body");
    }
    return problems;
  }
  // A refusal before tRPC (body limit, origin policy) is a plain { error: { message } }.
  const plain = (parsed as { error?: Record<string, unknown> } | null)?.error;
  if (plain && !Array.isArray(parsed) && !("json" in plain) && !("data" in plain)) {
    const why = unclear(plain.message);
    if (why) problems.push(why);
    return problems;
  }
  const { errors, results } = trpcErrors(parsed);
  if (errors.length === 0) problems.push(`no error in the answer: ${answer.body.slice(0, 200)}`);
  if (answer.status === 207 && results > 0) problems.push("a batch entry succeeded");
  for (const error of errors) {
    // Batch entries each carry their own code; the field rule applies to the case as a whole.
    const each = errors.length > 1 ? { ...expected, code: undefined, field: undefined } : expected;
    problems.push(...judgeTrpcError(error, each));
  }
  return problems;
}

/**
 * A subscription over HTTP answers as a server-sent event stream, always 200 by protocol:
 * it must carry only an error event, itself a 4xx, and then end.
 */
function judgeEventStream(answer: Answer, expected: Expectation): string[] {
  const problems = leaks(answer.body);
  const events = [...answer.body.matchAll(/^event: (.+)\ndata: (.*)$/gm)];
  const errors = events.filter(([, name]) => name === "serialized-error");
  // Data events carry no "event:" line: more data lines than named events means data.
  if ((answer.body.match(/^data:/gm) ?? []).length > events.length) {
    problems.push("the event stream sent data");
  }
  if (errors.length !== 1)
    problems.push(`expected one error event, got: ${answer.body.slice(0, 200)}`);
  for (const [, , data] of errors) {
    const { errors: shapes } = trpcErrors({ error: JSON.parse(data ?? "null") });
    const each = { ...expected, status: "4xx" as const };
    for (const shape of shapes) problems.push(...judgeTrpcError(shape, each));
  }
  if (answer.body.includes("did not end within")) problems.push("the event stream did not end");
  return problems;
}

/** Problems with a plain (non-tRPC) answer such as /media's. */
export function judgePlainAnswer(answer: Answer, expected: Expectation): string[] {
  const problems: string[] = [];
  if (!statusMatches(answer.status, expected.status)) {
    problems.push(`status ${answer.status}, expected ${String(expected.status)}`);
  }
  if (answer.status >= 400) problems.push(...leaks(answer.body));
  return problems;
}

/** Sends a request; an answer that has not ended within `ms` (a stream) is cut off and marked. */
export async function send(url: string, init: RequestInit = {}, ms = 10_000): Promise<Answer> {
  const res = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(ms) });
  try {
    const body = Buffer.from(await res.arrayBuffer());
    return { status: res.status, body: body.toString("utf8"), headers: res.headers };
  } catch {
    return {
      status: res.status,
      body: `(the answer did not end within ${ms} ms)`,
      headers: res.headers,
    };
  }
}

/** The superjson envelope tRPC expects, with optional meta (bogus meta is a test case). */
export function envelope(json: unknown, meta?: unknown): unknown {
  return meta === undefined ? { json } : { json, meta };
}

/** A tRPC HTTP request for one procedure: GET with ?input= for queries, POST otherwise. */
export function trpcRequest(
  baseUrl: string,
  path: string,
  type: "query" | "mutation" | "subscription",
  options: { body?: string; headers?: Record<string, string>; batch?: boolean } = {},
): [string, RequestInit] {
  const headers = { ...options.headers };
  const query = options.batch ? "batch=1" : "";
  if (type === "mutation") {
    headers["content-type"] ??= "application/json";
    const url = `${baseUrl}/trpc/${path}${query ? `?${query}` : ""}`;
    return [url, { method: "POST", headers, body: options.body }];
  }
  const input = options.body === undefined ? "" : `input=${encodeURIComponent(options.body)}`;
  const search = [query, input].filter(Boolean).join("&");
  return [`${baseUrl}/trpc/${path}${search ? `?${search}` : ""}`, { method: "GET", headers }];
}
