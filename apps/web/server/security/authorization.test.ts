import { randomUUID } from "node:crypto";
import type { AppRouter } from "@adgen/api";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { followUntil } from "../test/flow";
import { createClient, startTestServer, type TestServer, signupUser } from "../test/harness";
import { listProcedures } from "./procedures";

/**
 * Who may touch a session: every procedure that takes a sessionId and every /media file,
 * called as nobody, as another user, as the owner, and with a logged-out token. Only the
 * owner gets through; another user gets exactly what a missing session gets (so ids
 * cannot be probed); nobody and a logged-out token get UNAUTHORIZED (on /media, the same
 * 404 as everything else). Adding a procedure means adding a row: the first test fails
 * until the router and the table agree.
 */

type Who = "anonymous" | "other" | "owner" | "loggedOut";
const WHO: Who[] = ["anonymous", "loggedOut", "other", "owner"];

interface Fixture {
  /** The owner's session, in image_selection with four generated images. */
  main: string;
  imageIds: string[];
  imageUrl: string;
}

type Outcome =
  | { ok: true }
  | { ok: false; code: unknown; httpStatus: unknown; message: string; fieldErrors: unknown };

interface Row {
  procedure: string;
  input: (sessionId: string, f: Fixture) => unknown;
  /**
   * The session the owner's own call targets: the main one, or a fresh one of its own
   * (for calls that change or remove what they touch).
   */
  ownerTarget: "main" | "fresh";
  /** What the owner gets: success, or the stage's refusal (which proves it got past access). */
  owner: { ok: true } | { code: string; message: string };
}

const ROWS: Row[] = [
  {
    procedure: "sessions.get",
    input: (sessionId) => ({ sessionId }),
    ownerTarget: "main",
    owner: { ok: true },
  },
  {
    procedure: "sessions.costs",
    input: (sessionId) => ({ sessionId }),
    ownerTarget: "main",
    owner: { ok: true },
  },
  {
    procedure: "sessions.delete",
    input: (sessionId) => ({ sessionId }),
    ownerTarget: "fresh",
    owner: { ok: true },
  },
  {
    procedure: "generation.generateImages",
    input: (sessionId) => ({ sessionId, productPrompt: "Canvas tote bag", numImages: 4 }),
    ownerTarget: "fresh",
    owner: { ok: true },
  },
  {
    procedure: "generation.saveApprovedImages",
    input: (sessionId, f) => ({ sessionId, approvedImageIds: f.imageIds.slice(0, 2) }),
    ownerTarget: "main",
    owner: { ok: true },
  },
  {
    procedure: "generation.generateClips",
    input: (sessionId) => ({ sessionId, videoPrompt: "A slow push-in on marble" }),
    ownerTarget: "fresh",
    owner: { code: "PRECONDITION_FAILED", message: "Generate product images first." },
  },
  {
    procedure: "generation.saveApprovedClips",
    input: (sessionId, f) => ({
      sessionId,
      approvedClipIds: f.imageIds.slice(0, 2),
      clipOrder: f.imageIds.slice(0, 2),
    }),
    ownerTarget: "main",
    owner: { code: "PRECONDITION_FAILED", message: "Generate video clips first." },
  },
  {
    procedure: "generation.composeFinalVideo",
    input: (sessionId) => ({ sessionId, textOverlay: { productName: "Aurora", cta: "Shop now" } }),
    ownerTarget: "main",
    owner: { code: "PRECONDITION_FAILED", message: "Generate video clips first." },
  },
  {
    procedure: "generation.retry",
    input: (sessionId) => ({ sessionId }),
    ownerTarget: "main",
    owner: { code: "PRECONDITION_FAILED", message: "Only a failed step can be retried." },
  },
  {
    procedure: "generation.cancel",
    input: (sessionId) => ({ sessionId }),
    ownerTarget: "main",
    owner: {
      code: "PRECONDITION_FAILED",
      message: "Nothing is running, so there is nothing to cancel.",
    },
  },
  {
    procedure: "generation.progress",
    input: (sessionId) => ({ sessionId }),
    ownerTarget: "main",
    owner: { ok: true },
  },
  {
    procedure: "shares.create",
    input: (sessionId) => ({ sessionId }),
    ownerTarget: "main",
    owner: { code: "PRECONDITION_FAILED", message: "Make the video first; then it can be shared." },
  },
  {
    procedure: "shares.revoke",
    input: (sessionId) => ({ sessionId }),
    ownerTarget: "main",
    owner: { ok: true },
  },
  {
    procedure: "shares.get",
    input: (sessionId) => ({ sessionId }),
    ownerTarget: "main",
    owner: { ok: true },
  },
];

/** Procedures that take no sessionId, and why the matrix does not need them. */
const NOT_SESSION_SCOPED: Record<string, string> = {
  health: "public",
  "auth.signup": "public: makes a new account",
  "auth.login": "public: starts a session of the caller's own",
  "auth.logout": "ends the caller's own session (UNAUTHORIZED without one: below)",
  "auth.me": "public: says who the caller is",
  "sessions.create": "makes a session of the caller's own (UNAUTHORIZED without one: below)",
  "sessions.list": "lists the caller's own sessions: tested below",
  "shares.view": "public: the unguessable token is the permission (e2e share test)",
};

let server: TestServer;
let fixture: Fixture;
const tokens: Partial<Record<Who, string>> = {};
type Client = ReturnType<typeof createClient>;
const clients = new Map<Who, Client>();

const client = (who: Who) => clients.get(who)!.client;

const signup = (email: string) => signupUser(server.baseUrl, email);

beforeAll(async () => {
  server = await startTestServer();
  const owner = await signup("authz-owner@example.com");
  const other = await signup("authz-other@example.com");
  tokens.owner = owner.sessionToken;
  tokens.other = other.sessionToken;
  // A second session of the owner, ended by logging out: its token must open nothing.
  const anon = createClient(server.baseUrl);
  const second = await anon.client.auth.login.mutate({
    email: "authz-owner@example.com",
    password: "long-enough-pw",
  });
  anon.close();
  const ending = createClient(server.baseUrl, { token: second.sessionToken });
  await ending.client.auth.logout.mutate();
  ending.close();
  tokens.loggedOut = second.sessionToken;
  for (const who of WHO) clients.set(who, createClient(server.baseUrl, { token: tokens[who] }));

  const { sessionId: main } = await client("owner").sessions.create.mutate();
  await client("owner").generation.generateImages.mutate({
    sessionId: main,
    productPrompt: "Rose gold wrist watch",
    numImages: 4,
  });
  await followUntil(client("owner"), main, ["image_selection"]);
  const session = await client("owner").sessions.get.query({ sessionId: main });
  const imageIds = session.generatedImages.map((i) => i.id);
  // The owner's own saveApprovedImages row approves the same two, so it changes nothing.
  await client("owner").generation.saveApprovedImages.mutate({
    sessionId: main,
    approvedImageIds: imageIds.slice(0, 2),
  });
  fixture = { main, imageIds, imageUrl: session.generatedImages[0]!.url };
  await client("other").sessions.create.mutate();
}, 180_000);

afterAll(async () => {
  for (const c of clients.values()) c.close();
  await server?.close();
});

function outcomeOf(error: unknown): Outcome {
  if (!(error instanceof TRPCClientError)) throw error;
  const e = error as TRPCClientError<AppRouter>;
  return {
    ok: false,
    code: e.data?.code,
    httpStatus: e.data?.httpStatus,
    message: e.message,
    fieldErrors: e.data?.fieldErrors ?? null,
  };
}

/** Calls a procedure by its path, as `who`; a subscription succeeds on its first event. */
async function call(who: Who, path: string, input: unknown): Promise<Outcome> {
  const info = listProcedures().find((p) => p.path === path)!;
  const [scope, name] = path.split(".") as [string, string];
  type Callable = (...args: unknown[]) => unknown;
  const tree = client(who) as unknown as Record<string, Record<string, Record<string, Callable>>>;
  const node = tree[scope]![name]!;
  if (info.type === "subscription") {
    return new Promise<Outcome>((resolve) => {
      const timer = setTimeout(() => {
        sub.unsubscribe();
        resolve({
          ok: false,
          code: "TIMEOUT",
          httpStatus: null,
          message: "no event in 20 s",
          fieldErrors: null,
        });
      }, 20_000);
      const done = (outcome: Outcome) => {
        clearTimeout(timer);
        sub.unsubscribe();
        resolve(outcome);
      };
      const sub = node.subscribe!(input, {
        onData: () => done({ ok: true }),
        onError: (error: unknown) => done(outcomeOf(error)),
      }) as { unsubscribe: () => void };
    });
  }
  const method = info.type === "query" ? "query" : "mutate";
  return (node[method]!(input) as Promise<unknown>).then(
    () => ({ ok: true }) as const,
    (error: unknown) => outcomeOf(error),
  );
}

describe("the authorization matrix", () => {
  it("lists every procedure: each one that takes a sessionId is a row, the rest say why not", () => {
    const procedures = listProcedures();
    const scoped = procedures.filter((p) => p.takesSessionId).map((p) => p.path);
    expect(ROWS.map((r) => r.procedure).sort()).toEqual(scoped.sort());
    const unclassified = procedures
      .map((p) => p.path)
      .filter((path) => !ROWS.some((r) => r.procedure === path) && !(path in NOT_SESSION_SCOPED));
    expect(unclassified, "add these to ROWS or NOT_SESSION_SCOPED").toEqual([]);
  });

  const cases = ROWS.flatMap((row) => WHO.map((who) => ({ ...row, who })));
  it.each(cases)("$procedure as $who", async (row) => {
    const missing = await call("owner", row.procedure, row.input(randomUUID(), fixture));
    expect(missing).toMatchObject({ ok: false, code: "NOT_FOUND", httpStatus: 404 });

    if (row.who === "owner") {
      let target = fixture.main;
      if (row.ownerTarget === "fresh")
        target = (await client("owner").sessions.create.mutate()).sessionId;
      const outcome = await call("owner", row.procedure, row.input(target, fixture));
      expect(outcome).toMatchObject(row.owner);
      if (row.procedure === "generation.generateImages") {
        await followUntil(client("owner"), target, ["image_selection", "failed"]);
      }
      return;
    }
    const outcome = await call(row.who, row.procedure, row.input(fixture.main, fixture));
    if (row.who === "other") {
      // Exactly what a session that does not exist gets: code, status, message, fields.
      expect(outcome).toEqual(missing);
    } else {
      expect(outcome).toEqual({
        ok: false,
        code: "UNAUTHORIZED",
        httpStatus: 401,
        message: "Please log in to continue.",
        fieldErrors: null,
      });
    }
  });

  it.each(
    ["sessions.create", "sessions.list", "auth.logout"].flatMap((procedure) =>
      (["anonymous", "loggedOut"] as const).map((who) => ({ procedure, who })),
    ),
  )("$procedure as $who is UNAUTHORIZED", async ({ procedure, who }) => {
    const outcome = await call(who, procedure, procedure === "sessions.create" ? {} : undefined);
    expect(outcome).toMatchObject({ ok: false, code: "UNAUTHORIZED", httpStatus: 401 });
  });

  it("leaves the owner's session as it was after everyone else's calls", async () => {
    const session = await client("owner").sessions.get.query({ sessionId: fixture.main });
    expect(session.stage).toBe("image_selection");
    expect(session.generatedImages.map((i) => i.id)).toEqual(fixture.imageIds);
    expect(session.approvedImageIds.sort()).toEqual(fixture.imageIds.slice(0, 2).sort());
  });
});

describe("sessions.list", () => {
  it("never shows another user the owner's sessions, not even from a cursor made of one", async () => {
    const mine = await client("owner").sessions.list.query({ limit: 50 });
    expect(mine.items.map((i) => i.id)).toContain(fixture.main);
    const owned = new Set(mine.items.map((i) => i.id));

    const theirs = await client("other").sessions.list.query({ limit: 50 });
    expect(theirs.items.length).toBeGreaterThan(0);
    expect(theirs.items.filter((i) => owned.has(i.id))).toEqual([]);

    // A cursor pointing just after the owner's newest session, as if the other user had it.
    const newest = mine.items[0]!;
    const after = new Date(newest.createdAt.getTime() + 1).toISOString();
    for (const cursor of [
      Buffer.from(`${newest.createdAt.toISOString()}|${newest.id}`).toString("base64url"),
      Buffer.from(`${after}|${newest.id}`).toString("base64url"),
    ]) {
      const page = await client("other").sessions.list.query({ limit: 50, cursor });
      expect(page.items.filter((i) => owned.has(i.id))).toEqual([]);
    }
    // Thumbnails in the owner's list are the owner's files; the other user's list has none of them.
    const thumbs = mine.items.map((i) => i.thumbnailUrl).filter(Boolean);
    expect(theirs.items.map((i) => i.thumbnailUrl).filter((u) => thumbs.includes(u))).toEqual([]);
  });
});

/** How /media answers: everything a client could tell apart. */
interface MediaAnswer {
  status: number;
  body: string;
  contentType: string | null;
  acceptRanges: string | null;
  cacheControl: string | null;
}

async function fetchMedia(
  url: string,
  init: { headers?: Record<string, string>; method?: string },
) {
  const res = await fetch(new URL(url, server.baseUrl), init);
  const bytes = Buffer.from(await res.arrayBuffer());
  const answer: MediaAnswer = {
    status: res.status,
    body: res.status < 300 ? `${bytes.length} bytes` : bytes.toString("utf8"),
    contentType: res.headers.get("content-type"),
    acceptRanges: res.headers.get("accept-ranges"),
    cacheControl: res.headers.get("cache-control"),
  };
  return { answer, bytes, headers: res.headers };
}

type MediaWho = Who | "otherByCookie" | "loggedOutByCookie" | "ownerByCookie";
const MEDIA_WHO: MediaWho[] = [
  "anonymous",
  "other",
  "otherByCookie",
  "loggedOut",
  "loggedOutByCookie",
  "owner",
  "ownerByCookie",
];

function credentials(who: MediaWho): Record<string, string> {
  if (who === "anonymous") return {};
  const byCookie = who.endsWith("ByCookie");
  const token = tokens[who.replace("ByCookie", "") as Who]!;
  return byCookie ? { cookie: `adgen_session=${token}` } : { authorization: `Bearer ${token}` };
}

interface MediaRow {
  route: string;
  method: "GET" | "HEAD";
  headers: Record<string, string>;
  /** What the owner gets. */
  owner: number;
}

const MEDIA_ROWS: MediaRow[] = [
  { route: "image", method: "GET", headers: {}, owner: 200 },
  { route: "image", method: "HEAD", headers: {}, owner: 200 },
  { route: "image, first 100 bytes", method: "GET", headers: { range: "bytes=0-99" }, owner: 206 },
  { route: "image, a reversed range", method: "GET", headers: { range: "bytes=9-3" }, owner: 200 },
];

describe("/media", () => {
  const cases = MEDIA_ROWS.flatMap((row) => MEDIA_WHO.map((who) => ({ ...row, who })));
  it.each(cases)("$route ($method) as $who", async (row) => {
    const init = { method: row.method, headers: { ...row.headers, ...credentials(row.who) } };
    const { answer, bytes, headers } = await fetchMedia(fixture.imageUrl, init);
    if (row.who === "owner" || row.who === "ownerByCookie") {
      expect(answer.status).toBe(row.owner);
      expect(answer.contentType).toBe("image/png");
      if (row.method === "GET" && row.owner === 200) {
        expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
      }
      if (row.owner === 206) expect(headers.get("content-range")).toMatch(/^bytes 0-99\/\d+$/);
      return;
    }
    // Not the owner's: exactly what a file that does not exist gets, whoever asks.
    const [folder, name] = [
      fixture.imageUrl.slice(0, fixture.imageUrl.lastIndexOf("/")),
      "missing.png",
    ];
    const ownerHeaders = { ...row.headers, ...credentials("owner") };
    const missingFile = await fetchMedia(`${folder}/${name}`, {
      method: row.method,
      headers: ownerHeaders,
    });
    const missingSession = await fetchMedia(fixture.imageUrl.replace(fixture.main, randomUUID()), {
      method: row.method,
      headers: ownerHeaders,
    });
    expect(missingFile.answer.status).toBe(404);
    expect(answer).toEqual(missingFile.answer);
    expect(answer).toEqual(missingSession.answer);
  });
});
