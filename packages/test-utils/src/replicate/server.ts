import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import {
  fixtureContentType,
  makeFixture,
  type FixtureKind,
  type FixtureOptions,
} from "../fixtures";
import { loadTestCertificate } from "../tls";
import { NSFW_ERROR, type Fault, type ModelScript } from "./script";

type Status = "starting" | "processing" | "succeeded" | "failed" | "canceled";

interface StoredPrediction {
  id: string;
  model: string;
  version: string;
  input: Record<string, unknown>;
  createdAt: number;
  script: ModelScript;
  fault: Fault | undefined;
  canceledAt: number | null;
  /** Resolved once, when the prediction first reaches `succeeded`. */
  output: unknown;
  outputReady: Promise<unknown> | null;
}

/** Every request the server received, for tests that count retries and cancels. */
export interface LoggedRequest {
  method: string;
  path: string;
  /** The model (owner/name) a create or prediction request concerns. */
  model: string | null;
  predictionId: string | null;
  /** Status answered. */
  status: number;
  /** The client that asked (the official one says replicate-javascript/<version>). */
  userAgent: string;
  at: number;
}

export interface ReplicateTestServer {
  /** https://127.0.0.1:<port> */
  origin: string;
  /** `${origin}/v1`, for REPLICATE_BASE_URL. */
  baseUrl: string;
  /** host:port, for REPLICATE_OUTPUT_HOSTS. */
  host: string;
  requests: LoggedRequest[];
  /** Scripts a model (owner/name, or owner/name:version for version-addressed models). */
  script(model: string, script: ModelScript): void;
  /** Drops every script, prediction and logged request. */
  reset(): void;
  /** Predictions made so far, with the status each has now. */
  predictions(): { id: string; model: string; status: Status; input: Record<string, unknown> }[];
  /** Serves `bytes` at a new URL on this server (for guard tests). */
  serve(bytes: Buffer, contentType: string): string;
  close(): Promise<void>;
}

export interface ReplicateTestServerOptions {
  /** Serve plain HTTP instead of HTTPS (the provider refuses http outputs). */
  insecure?: boolean;
  /** The API token the server accepts (default "test-token"). */
  token?: string;
}

const json = (res: http.ServerResponse, status: number, body: unknown, headers = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

const problem = (res: http.ServerResponse, status: number, detail: string, headers = {}) =>
  json(res, status, { title: http.STATUS_CODES[status], detail, status }, headers);

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A Replicate-compatible API on a random loopback port (HTTPS with the test certificate):
 * create by model and by version, get, cancel, `Prefer: wait`, file uploads, and outputs
 * served as real PNG / MP4 / WAV files. Each model's latency, cold start and faults are
 * scripted by the test.
 */
export async function startReplicateTestServer(
  options: ReplicateTestServerOptions = {},
): Promise<ReplicateTestServer> {
  const fixtureDir = await mkdtemp(path.join(tmpdir(), "adgen-replicate-fixtures-"));
  const scripts = new Map<string, ModelScript>();
  const faults = new Map<string, Fault[]>();
  const predictions = new Map<string, StoredPrediction>();
  const files = new Map<string, { bytes: Buffer; contentType: string }>();
  const requests: LoggedRequest[] = [];
  let origin = "";

  const fileUrl = async (kind: FixtureKind, fixture: FixtureOptions = {}) => {
    const file = await makeFixture(fixtureDir, kind, fixture);
    const name = `${randomBytes(6).toString("hex")}.${kind}`;
    files.set(name, { bytes: await readFile(file), contentType: fixtureContentType(kind) });
    return `${origin}/files/${name}`;
  };

  const statusOf = (p: StoredPrediction, now = Date.now()): Status => {
    if (p.canceledAt !== null) return "canceled";
    const started = p.createdAt + (p.script.coldStartMs ?? 0);
    if (now < started) return "starting";
    if (p.fault?.kind === "never_finishes") return "processing";
    if (now < started + (p.script.latencyMs ?? 0)) return "processing";
    if (p.fault?.kind === "failed" || p.fault?.kind === "nsfw") return "failed";
    return "succeeded";
  };

  const outputOf = async (p: StoredPrediction): Promise<unknown> => {
    p.outputReady ??= (async () => {
      if (p.fault?.kind === "malformed_json") {
        return ["Sure! Here is ", "the plan you asked for: ", "{ views: [front, side"];
      }
      const value = (await p.script.output?.(p.input, { file: fileUrl })) ?? null;
      if (p.fault?.kind === "missing_output" && typeof value === "string") {
        return value.replace("/files/", "/files/missing-");
      }
      return value;
    })();
    return (p.output = await p.outputReady);
  };

  const view = async (p: StoredPrediction) => {
    const status = statusOf(p);
    const done = status === "succeeded" || status === "failed" || status === "canceled";
    const started = p.createdAt + (p.script.coldStartMs ?? 0);
    return {
      id: p.id,
      model: p.model,
      version: p.version,
      input: p.input,
      status,
      output: status === "succeeded" ? await outputOf(p) : null,
      error:
        status === "failed"
          ? p.fault?.kind === "nsfw"
            ? NSFW_ERROR
            : ((p.fault as { error?: string }).error ?? "CUDA out of memory.")
          : null,
      logs: "",
      metrics: metricsOf(p, status, started),
      created_at: new Date(p.createdAt).toISOString(),
      started_at: status === "starting" ? null : new Date(started).toISOString(),
      completed_at: done ? new Date().toISOString() : null,
      urls: {
        get: `${origin}/v1/predictions/${p.id}`,
        cancel: `${origin}/v1/predictions/${p.id}/cancel`,
      },
    };
  };

  /** Billed seconds: the whole latency when it ended, the time it ran when cancelled. */
  const metricsOf = (p: StoredPrediction, status: Status, started: number) => {
    if (status === "canceled" && p.canceledAt !== null) {
      return { predict_time: Math.max(0, p.canceledAt - started) / 1000 };
    }
    if (status !== "succeeded" && status !== "failed") return {};
    return { predict_time: (p.script.latencyMs ?? 0) / 1000, ...p.script.metrics?.(p.input) };
  };

  const terminal = (p: StoredPrediction) =>
    ["succeeded", "failed", "canceled"].includes(statusOf(p));

  /** Holds a create for `Prefer: wait=N` until the prediction ends or N seconds pass. */
  const waitFor = async (p: StoredPrediction, seconds: number) => {
    const deadline = Date.now() + seconds * 1000;
    while (!terminal(p) && Date.now() < deadline) await sleep(5);
  };

  const create = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    model: string,
    version: string,
    input: Record<string, unknown>,
    log: LoggedRequest,
  ) => {
    const key = version ? `${model}:${version}` : model;
    const script = scripts.get(key) ?? scripts.get(model);
    if (!script) {
      log.status = 404;
      return problem(res, 404, `The requested model ${key} does not exist on this test server.`);
    }
    const fault = faults.get(key)?.shift();
    if (fault?.kind === "rate_limit") {
      log.status = 429;
      return problem(res, 429, `Your rate limit resets in ~${fault.retryAfterSec}s.`, {
        "retry-after": String(fault.retryAfterSec),
      });
    }
    if (fault?.kind === "server_error") {
      log.status = 500;
      return problem(res, 500, "Internal server error.");
    }
    const p: StoredPrediction = {
      id: randomBytes(10).toString("hex"),
      model,
      version: version || "official",
      input,
      createdAt: Date.now(),
      script,
      fault,
      canceledAt: null,
      output: null,
      outputReady: null,
    };
    predictions.set(p.id, p);
    log.predictionId = p.id;
    const prefer = /wait(?:=(\d+))?/.exec(String(req.headers.prefer ?? ""));
    if (prefer) await waitFor(p, Math.min(60, Number(prefer[1] ?? 60)));
    // Prefer: wait answers 201 once the prediction ended, 202 with its state when time ran out.
    log.status = prefer && !terminal(p) ? 202 : 201;
    json(res, log.status, await view(p));
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? "/", origin);
    const log: LoggedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      model: null,
      predictionId: null,
      status: 200,
      userAgent: String(req.headers["user-agent"] ?? ""),
      at: Date.now(),
    };
    requests.push(log);
    const parts = url.pathname.split("/").filter(Boolean);

    if (req.method === "GET" && parts[0] === "files" && parts.length === 2) {
      const file = files.get(parts[1] ?? "");
      if (!file) {
        log.status = 404;
        return problem(res, 404, "Not found.");
      }
      res.writeHead(200, { "content-type": file.contentType, "content-length": file.bytes.length });
      return res.end(file.bytes);
    }
    if (parts[0] !== "v1") return problem(res, 404, "Not found.");
    if (req.headers.authorization !== `Bearer ${options.token ?? "test-token"}`) {
      log.status = 401;
      return problem(res, 401, "You did not pass a valid authentication token.");
    }

    // POST /v1/models/{owner}/{name}/predictions
    if (req.method === "POST" && parts[1] === "models" && parts[4] === "predictions") {
      const model = `${parts[2]}/${parts[3]}`;
      log.model = model;
      const body = JSON.parse((await readBody(req)).toString("utf8") || "{}");
      return create(req, res, model, "", body.input ?? {}, log);
    }
    // POST /v1/predictions { version }
    if (req.method === "POST" && parts[1] === "predictions" && parts.length === 2) {
      const body = JSON.parse((await readBody(req)).toString("utf8") || "{}");
      const version = String(body.version ?? "");
      const ref = [...scripts.keys()].find((k) => k.endsWith(`:${version}`));
      const model = ref?.split(":")[0] ?? "unknown/unknown";
      log.model = model;
      return create(req, res, model, version, body.input ?? {}, log);
    }
    // GET /v1/predictions/{id} and POST /v1/predictions/{id}/cancel
    if (parts[1] === "predictions" && parts[2]) {
      const p = predictions.get(parts[2]);
      log.predictionId = parts[2];
      if (!p) {
        log.status = 404;
        return problem(res, 404, "Prediction not found.");
      }
      log.model = p.model;
      if (req.method === "POST" && parts[3] === "cancel") {
        if (!terminal(p)) p.canceledAt = Date.now();
        return json(res, 200, await view(p));
      }
      if (req.method === "GET" && parts.length === 3) return json(res, 200, await view(p));
    }
    // POST /v1/files (multipart, from the client's file uploads)
    if (req.method === "POST" && parts[1] === "files" && parts.length === 2) {
      const body = await readBody(req);
      const form = await new Response(body, {
        headers: { "content-type": String(req.headers["content-type"]) },
      }).formData();
      const content = form.get("content");
      if (!(content instanceof Blob)) return problem(res, 400, "No file content.");
      const name = `upload-${randomBytes(6).toString("hex")}`;
      files.set(name, {
        bytes: Buffer.from(await content.arrayBuffer()),
        contentType: content.type || "application/octet-stream",
      });
      return json(res, 201, {
        id: name,
        size: content.size,
        content_type: content.type,
        urls: { get: `${origin}/files/${name}` },
      });
    }
    log.status = 404;
    return problem(res, 404, "Not found.");
  };

  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) problem(res, 500, String(error));
      else res.destroy();
    });
  };
  const server = options.insecure
    ? http.createServer(listener)
    : https.createServer(await loadTestCertificate(), listener);
  // Above undici's 4 s keep-alive reuse, so a poller never reuses a socket being closed.
  server.keepAliveTimeout = 10_000;
  server.headersTimeout = 15_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  origin = `${options.insecure ? "http" : "https"}://127.0.0.1:${port}`;

  return {
    origin,
    baseUrl: `${origin}/v1`,
    host: `127.0.0.1:${port}`,
    requests,
    script(model, script) {
      scripts.set(model, script);
      faults.set(model, [...(script.faults ?? [])]);
    },
    reset() {
      scripts.clear();
      faults.clear();
      for (const p of predictions.values()) p.canceledAt ??= Date.now();
      predictions.clear();
      requests.length = 0;
    },
    predictions: () =>
      [...predictions.values()].map((p) => ({
        id: p.id,
        model: p.model,
        status: statusOf(p),
        input: p.input,
      })),
    serve(bytes, contentType) {
      const name = `served-${randomBytes(6).toString("hex")}`;
      files.set(name, { bytes, contentType });
      return `${origin}/files/${name}`;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(fixtureDir, { recursive: true, force: true });
    },
  };
}
