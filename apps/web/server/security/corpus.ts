import { randomUUID } from "node:crypto";
import fc from "fast-check";
import type { Expectation } from "./answers";
import { firstInvalidField, listProcedures, procedure, type ProcedureType } from "./procedures";

/**
 * The bad-input corpus: hand-picked cases for each known weak spot, plus cases generated
 * with fast-check from a fixed seed over every procedure's real input schema.
 */

export interface Identities {
  /** `authorization` header of a signed-in user who owns `sessionId`. */
  owner: Record<string, string>;
  /** A signed-in user whose token may be logged out by the cases (auth.logout). */
  spare: Record<string, string>;
  ownerEmail: string;
  /** A session the owner really has (stage `created`). */
  sessionId: string;
}

/** Which credentials a case sends. */
export type Credentials = "owner" | "spare" | "none" | { header: string; value: string };

export interface HttpCase {
  name: string;
  path: string;
  /** How the request is sent; defaults to the procedure's own type. */
  method?: "GET" | "POST" | "PUT" | "DELETE" | "PATCH";
  /** Raw request body (POST) or raw `input` query value (GET); JSON text or anything. */
  body?: string;
  batch?: boolean;
  /** A raw query string instead of the built one (starts without "?"). */
  rawQuery?: string;
  credentials: Credentials;
  headers?: Record<string, string>;
  expect: Expectation;
}

export const NIL_UUID = "00000000-0000-0000-0000-000000000000";
export const ITEM9_ID = "0".repeat(36);
const FIXED_UUIDS = [
  "3f1c2b7a-9d4e-4c21-8a6b-2e5f7d9c1a03",
  "8b2e4d6f-1a3c-4e5f-9b7d-0c2e4f6a8b1d",
  "c4d5e6f7-0a1b-4c2d-8e3f-5a6b7c8d9e0f",
];
const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64url");
const json = (value: unknown, meta?: unknown) =>
  JSON.stringify(meta === undefined ? { json: value } : { json: value, meta });

const BAD_REQUEST = (field?: string): Expectation => ({ status: 400, code: "BAD_REQUEST", field });
const NOT_FOUND: Expectation = { status: 404, code: "NOT_FOUND" };
const UNAUTHORIZED: Expectation = { status: 401, code: "UNAUTHORIZED" };
const ANY_4XX: Expectation = { status: "4xx" };

/** Valid inputs, so that each case changes exactly one thing. */
export function baseInputs(ids: Identities, sessionId = ids.sessionId): Record<string, unknown> {
  const [a, b] = FIXED_UUIDS as [string, string];
  return {
    "auth.signup": { email: "someone.new@example.com", password: "long-enough-pw" },
    "auth.login": { email: ids.ownerEmail, password: "not-the-password" },
    "sessions.create": {},
    "sessions.list": { limit: 20 },
    "sessions.get": { sessionId },
    "sessions.costs": { sessionId },
    "sessions.delete": { sessionId },
    "generation.generateImages": {
      sessionId,
      productPrompt: "Matte black aluminium water bottle",
      numImages: 4,
      styleKeywords: ["minimal", "studio"],
    },
    "generation.saveApprovedImages": { sessionId, approvedImageIds: [a, b] },
    "generation.generateClips": {
      sessionId,
      videoPrompt: "Slow elegant orbit on marble",
      clipDuration: 3,
    },
    "generation.saveApprovedClips": { sessionId, approvedClipIds: [a, b], clipOrder: [b, a] },
    "generation.composeFinalVideo": {
      sessionId,
      textOverlay: { productName: "Aurora", cta: "Shop now", font: "montserrat", color: "#FFFFFF" },
      audio: { enabled: true, genre: "chill" },
      introDuration: 1,
      outroDuration: 1,
      aspectRatio: "16:9",
    },
    "generation.retry": { sessionId },
    "generation.cancel": { sessionId },
    "generation.progress": { sessionId, lastEventId: "0" },
    "shares.create": { sessionId },
    "shares.revoke": { sessionId },
    "shares.get": { sessionId },
    "shares.view": { token: "A".repeat(32) },
  };
}

const PROTECTED_EXCEPT = new Set(["health", "auth.signup", "auth.login", "auth.me", "shares.view"]);
export const isProtected = (path: string) => !PROTECTED_EXCEPT.has(path);

type Path = (string | number)[];

function setAt(root: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

function deleteAt(root: unknown, path: Path): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (Array.isArray(node)) node.splice(Number(last), 1);
  else delete node[last];
  return copy;
}

/** Every key path inside a value: objects' keys and arrays' indexes, containers included. */
function keyPaths(value: unknown, prefix: Path = []): Path[] {
  if (!value || typeof value !== "object") return [];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value as Record<string, unknown>);
  return entries.flatMap(([key, child]) => [
    [...prefix, key],
    ...keyPaths(child, [...prefix, key]),
  ]);
}

const dotted = (path: Path) => path.join(".");

/** Strings a person might type, including the awkward ones, but all well-formed text. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const WELL_FORMED = fc
  .string({ unit: "grapheme", maxLength: 40 })
  .filter((s) => !LONE_SURROGATE.test(s) && !s.includes("\u0000"));

/** Values of every JSON type, small and large, for "wrong type" cases. */
const ANY_VALUE: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 1.5, 2 ** 53, -(2 ** 31), 1e308, -0),
  fc.boolean(),
  fc.constant(null),
  WELL_FORMED,
  fc.constantFrom("", " ", "null", "[]", "{}", "0", "true", NIL_UUID.toUpperCase()),
  fc.array(fc.oneof(fc.integer(), WELL_FORMED), { maxLength: 4 }),
  fc.dictionary(WELL_FORMED, fc.oneof(fc.integer(), WELL_FORMED), { maxKeys: 3 }),
  fc.array(fc.uuid(), { minLength: 9, maxLength: 12 }),
  fc.constant(["x".repeat(5000)]),
);

/** Characters PostgreSQL text cannot hold or that are not text at all. */
const BROKEN_CHARS = ["\u0000", "\ud800", "\udfff", "a\ud83d", "\udc00b"];
/** Legitimate but tricky text: right-to-left marks, emoji sequences, combining marks. */
const TRICKY_TEXT = [
  "\u202Eevil\u202C product",
  "👩🏽‍💻🧴✨ bottle",
  "بطری آب مشکی",
  "Z̷̛̗a̸l̶g̵o̴ bottle",
  "\uFEFFbottle\u200B\u200D",
  "🇯🇵🇫🇷 flags",
];

export interface GeneratedCase extends HttpCase {
  /** The input as a value, before it was written as JSON. */
  input: unknown;
}

/**
 * Cases generated from `seed` for one procedure: a field of the wrong type, a field
 * missing, the whole input of the wrong type, or broken characters inside a text field.
 * Every generated input is invalid for the real schema, so each must be a 400 naming
 * the field (checked against the schema's own first issue).
 */
export function generatedCases(path: string, ids: Identities, seed: number, runs: number) {
  const info = procedure(path);
  const base = baseInputs(ids)[path];
  if (!info.schema || base === undefined) return [];
  const paths = keyPaths(base);
  const textPaths = paths.filter((p) => {
    const value = p.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], base);
    return typeof value === "string" && !/^[0-9a-f-]{36}$/.test(value) && !/^#|^\d/.test(value);
  });

  type Draft = { kind: string; input: unknown; field?: string };
  const strategies: fc.WeightedArbitrary<Draft>[] = [];
  const add = (weight: number, arbitrary: fc.Arbitrary<Draft>) =>
    strategies.push({ weight, arbitrary });
  add(
    1,
    ANY_VALUE.filter((v) => v === null || typeof v !== "object" || Array.isArray(v)).map((v) => ({
      kind: `input = ${JSON.stringify(v)?.slice(0, 60)}`,
      input: v,
    })),
  );
  add(
    1,
    fc.tuple(WELL_FORMED, ANY_VALUE).map(([key, v]) => ({
      kind: `extra field ${JSON.stringify(key)}`,
      input: { ...(base as object), [key]: v },
    })),
  );
  if (paths.length > 0) {
    add(
      5,
      fc.tuple(fc.constantFrom(...paths), ANY_VALUE).map(([p, v]) => ({
        kind: `${dotted(p)} = ${JSON.stringify(v)?.slice(0, 60)}`,
        input: setAt(base, p, v),
      })),
    );
    add(
      2,
      fc.constantFrom(...paths).map((p) => ({
        kind: `without ${dotted(p)}`,
        input: deleteAt(base, p),
      })),
    );
  }
  if (textPaths.length > 0) {
    add(
      2,
      fc
        .tuple(fc.constantFrom(...textPaths), fc.constantFrom(...BROKEN_CHARS), fc.nat(20))
        .map(([p, bad, at]) => {
          const current = p.reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], base);
          const text = String(current);
          const i = Math.min(at, text.length);
          return {
            kind: `${dotted(p)} with ${JSON.stringify(bad)}`,
            input: setAt(base, p, text.slice(0, i) + bad + text.slice(i)),
            field: dotted(p),
          };
        }),
    );
  }
  const drafts = fc.sample(fc.oneof(...strategies), { seed, numRuns: runs * 4 });
  const cases: GeneratedCase[] = [];
  const seen = new Set<string>();
  for (const draft of drafts) {
    const field = draft.field ?? firstInvalidField(info, draft.input);
    const body = JSON.stringify({ json: draft.input });
    if (!field || seen.has(body)) continue; // valid after all: not a bad-input case
    seen.add(body);
    cases.push({
      name: `${path}: ${draft.kind}`,
      path,
      body,
      input: draft.input,
      credentials: path === "auth.logout" ? "spare" : isProtected(path) ? "owner" : "none",
      expect: BAD_REQUEST(field),
    });
    if (cases.length === runs) break;
  }
  return cases;
}

/** Bounds of every limited field, one below and one above (and the edges, which pass). */
function boundaryCases(ids: Identities): HttpCase[] {
  const inputs = baseInputs(ids);
  const elsewhere = baseInputs(ids, randomUUID());
  const cases: HttpCase[] = [];
  const add = (path: string, at: Path, value: unknown, valid: boolean) => {
    // A valid value is sent for a session nobody has: NOT_FOUND proves it passed validation.
    const base = valid ? elsewhere[path] : inputs[path];
    const input = setAt(base, at, value);
    const expectation = valid ? NOT_FOUND : BAD_REQUEST(dotted(at));
    cases.push({
      name: `${path}: ${dotted(at)} ${valid ? "at" : "past"} its bound (${JSON.stringify(value)?.slice(0, 30)})`,
      path,
      body: json(input),
      credentials: "owner",
      expect: expectation,
    });
  };
  const text = (n: number, unit = "a") => unit.repeat(n);
  const ids8 = (n: number) => Array.from({ length: n }, () => randomUUID());
  for (const [path, at, min, max] of [
    ["generation.generateImages", ["productPrompt"], 3, 200],
    ["generation.generateClips", ["videoPrompt"], 10, 300],
    ["generation.composeFinalVideo", ["textOverlay", "productName"], 1, 50],
    ["generation.composeFinalVideo", ["textOverlay", "cta"], 1, 30],
  ] as const) {
    add(path, [...at], text(min - 1), false);
    add(path, [...at], text(min), true);
    add(path, [...at], text(max), true);
    add(path, [...at], text(max + 1), false);
    add(path, [...at], text(max + 1, "é"), false);
    add(path, [...at], ` ${text(min - 1)} `, false); // trimmed before the bound is checked
  }
  for (const [path, at, min, max] of [
    ["generation.generateImages", ["numImages"], 4, 8],
    ["generation.generateClips", ["clipDuration"], 2, 4],
    ["generation.composeFinalVideo", ["introDuration"], 0.5, 3],
    ["generation.composeFinalVideo", ["outroDuration"], 0.5, 3],
  ] as const) {
    const step = path.endsWith("generateImages") ? 1 : 0.01;
    add(path, [...at], min - step, false);
    add(path, [...at], min, true);
    add(path, [...at], max, true);
    add(path, [...at], max + step, false);
  }
  add("generation.generateImages", ["numImages"], 4.5, false);
  add("generation.generateImages", ["styleKeywords"], Array(10).fill("k"), true);
  add("generation.generateImages", ["styleKeywords"], Array(11).fill("k"), false);
  add("generation.generateImages", ["styleKeywords", 0], text(30), true);
  add("generation.generateImages", ["styleKeywords", 0], text(31), false);
  add("generation.generateImages", ["styleKeywords", 0], "   ", false);
  add("generation.saveApprovedImages", ["approvedImageIds"], ids8(1), false);
  add("generation.saveApprovedImages", ["approvedImageIds"], ids8(9), false);
  const twice = randomUUID();
  add("generation.saveApprovedImages", ["approvedImageIds"], [twice, twice], false);
  add("generation.saveApprovedClips", ["approvedClipIds"], [], false);
  add("generation.saveApprovedClips", ["approvedClipIds"], ids8(9), false);
  add("generation.saveApprovedClips", ["clipOrder"], ids8(2), false);
  add("generation.composeFinalVideo", ["textOverlay", "color"], "#FFFFF", false);
  add("generation.composeFinalVideo", ["textOverlay", "color"], "#GGGGGG", false);
  add("generation.composeFinalVideo", ["textOverlay", "color"], "red", false);
  add("generation.composeFinalVideo", ["textOverlay", "color"], "#abcdef", true);
  add("generation.composeFinalVideo", ["textOverlay", "font"], "comic-sans", false);
  add("generation.composeFinalVideo", ["audio", "genre"], "polka", false);
  add("generation.composeFinalVideo", ["audio", "enabled"], "yes", false);
  add("generation.composeFinalVideo", ["aspectRatio"], "4:3", false);
  add("generation.progress", ["lastEventId"], text(41, "1"), false);

  // Auth: only invalid sign-ups (a valid one would create an account); log-in edges.
  const long = (n: number) => `${"a".repeat(n - "@example.com".length)}@example.com`;
  const signup = inputs["auth.signup"];
  for (const [at, value] of [
    [["email"], long(255)],
    [["email"], "a@b"],
    [["email"], "not an email"],
    [["email"], "a\u0000@example.com"],
    [["password"], "x".repeat(7)],
    [["password"], "x".repeat(257)],
  ] as const) {
    cases.push({
      name: `auth.signup: ${dotted([...at])} = ${JSON.stringify(value).slice(0, 30)}`,
      path: "auth.signup",
      body: json(setAt(signup, [...at], value)),
      credentials: "none",
      expect: BAD_REQUEST(dotted([...at])),
    });
  }
  const login = inputs["auth.login"];
  for (const [at, value, expectation] of [
    [["password"], "", BAD_REQUEST("password")],
    [["password"], "x".repeat(257), BAD_REQUEST("password")],
    [["email"], long(255), BAD_REQUEST("email")],
    // At the bounds: accepted, and simply wrong (or throttled).
    [["email"], long(254), { status: [401, 429] }],
    [["password"], "x".repeat(256), { status: [401, 429] }],
  ] as const) {
    cases.push({
      name: `auth.login: ${dotted([...at])} of ${String(value).length} characters`,
      path: "auth.login",
      body: json(setAt(login, [...at], value)),
      credentials: "none",
      expect: expectation as Expectation,
    });
  }
  for (const [value, valid] of [
    [0, false],
    [1, true],
    [50, true],
    [51, false],
    [1.5, false],
    ["20", false],
  ] as const) {
    cases.push({
      name: `sessions.list: limit ${JSON.stringify(value)}`,
      path: "sessions.list",
      body: json({ limit: value }),
      credentials: "owner",
      expect: valid ? { status: 200 } : BAD_REQUEST("limit"),
    });
  }
  return cases;
}

/** Session ids that are not ids, and ids that are well-formed but nobody's. */
function idCases(ids: Identities): HttpCase[] {
  const cases: HttpCase[] = [];
  const notIds: unknown[] = [
    "",
    "x",
    ITEM9_ID,
    "-".repeat(36),
    "f".repeat(36),
    FIXED_UUIDS[0]!.slice(0, 35),
    `${FIXED_UUIDS[0]}0`,
    FIXED_UUIDS[0]!.replaceAll("-", ""),
    `{${FIXED_UUIDS[0]}}`,
    ` ${FIXED_UUIDS[0]}`,
    `${FIXED_UUIDS[0]}\n`,
    `${ids.sessionId}\u0000`,
    "' OR '1'='1",
    "../../etc/passwd",
    "g".repeat(8000),
    123,
    null,
    true,
    [ids.sessionId],
    { id: ids.sessionId },
  ];
  const wellFormed = [NIL_UUID, "ffffffff-ffff-ffff-ffff-ffffffffffff", randomUUID().toUpperCase()];
  for (const path of [
    "sessions.get",
    "sessions.costs",
    "sessions.delete",
    "generation.retry",
    "generation.cancel",
    "generation.generateClips",
  ]) {
    const base = baseInputs(ids)[path];
    for (const value of notIds) {
      cases.push({
        name: `${path}: sessionId ${JSON.stringify(value).slice(0, 40)}`,
        path,
        body: json(setAt(base, ["sessionId"], value)),
        credentials: "owner",
        expect: BAD_REQUEST("sessionId"),
      });
    }
    for (const value of wellFormed) {
      cases.push({
        name: `${path}: sessionId ${value} (nobody's)`,
        path,
        body: json(setAt(base, ["sessionId"], value)),
        credentials: "owner",
        expect: NOT_FOUND,
      });
    }
  }
  return cases;
}

/** Page cursors: garbage, ids that are not UUIDs (item 9), times outside any real range. */
function cursorCases(): HttpCase[] {
  const id = FIXED_UUIDS[0]!;
  const when = "2026-01-01T00:00:00.000Z";
  const refused = [
    b64(`${when}|${ITEM9_ID}`),
    b64(`${when}|${"-".repeat(36)}`),
    b64(`${when}|${"a".repeat(36)}`),
    b64(`${when}|${id.slice(0, 35)}`),
    b64(`${when}|${id}|extra`),
    b64(`+275760-09-13T00:00:00.000Z|${id}`),
    b64(`-271821-04-20T00:00:00.000Z|${id}`),
    b64(`+010000-01-01T00:00:00.000Z|${id}`),
    b64(`0000-01-01T00:00:00.000Z|${id}`),
    b64(`-000001-01-01T00:00:00.000Z|${id}`),
    b64(`2026-02-30T00:00:00.000Z|${id}`),
    b64(`2026|${id}`),
    b64(`${when}\u0000|${id}`),
    b64(`${when}|${id.toUpperCase()}\u0000`),
    b64("|"),
    "!!!!",
    "a".repeat(200),
    "\ud800",
  ];
  const cases: HttpCase[] = refused.map((cursor) => ({
    name: `sessions.list: cursor ${JSON.stringify(Buffer.from(cursor, "base64url").toString("utf8")).slice(0, 50)}`,
    path: "sessions.list",
    body: json({ cursor }),
    credentials: "owner",
    expect: { status: 400, code: "BAD_REQUEST" },
  }));
  for (const cursor of ["a".repeat(201), 12345, null, ["x"]]) {
    cases.push({
      name: `sessions.list: cursor ${JSON.stringify(cursor).slice(0, 30)}`,
      path: "sessions.list",
      body: json({ cursor }),
      credentials: "owner",
      expect: BAD_REQUEST("cursor"),
    });
  }
  // Well-formed: a page after a row nobody has is simply a page.
  cases.push({
    name: "sessions.list: a well-formed cursor nobody was given",
    path: "sessions.list",
    body: json({ cursor: b64(`${when}|${id}`) }),
    credentials: "owner",
    expect: { status: 200 },
  });
  return cases;
}

/** Superjson meta that cannot be applied, on queries, mutations and the brief's sign-up. */
function metaCases(ids: Identities): HttpCase[] {
  const metas: [string, unknown, unknown][] = [
    ["unknown transformation", {}, { values: { email: ["bogus"] } }],
    ["unknown transformation at the root", {}, { values: ["bogus"] }],
    ["unknown custom type", { sessionId: "x" }, { values: { sessionId: [["custom", "x"]] } }],
    ["unknown class", { sessionId: "x" }, { values: { sessionId: [["class", "Evil"]] } }],
    ["unknown symbol", { sessionId: "x" }, { values: { sessionId: [["symbol", "s"]] } }],
    ["__proto__ path", { sessionId: "x" }, { values: { "__proto__.polluted": ["Date"] } }],
    ["prototype path", { sessionId: "x" }, { values: { "constructor.prototype.x": ["Date"] } }],
    ["bigint that is not a number", { sessionId: "abc" }, { values: { sessionId: ["bigint"] } }],
    ["a map of non-pairs", { sessionId: [1, 2] }, { values: { sessionId: ["map"] } }],
    ["a path into nothing", { sessionId: "x" }, { values: { "a.b.c.d": ["Date"] } }],
    ["a set where an id goes", { sessionId: ["x"] }, { values: { sessionId: ["set"] } }],
    ["a date where an id goes", { sessionId: "2026-01-01" }, { values: { sessionId: ["Date"] } }],
    ["a regexp where an id goes", { sessionId: "/(a+)+$/" }, { values: { sessionId: ["regexp"] } }],
    [
      "an error where an id goes",
      { sessionId: { message: "x" } },
      { values: { sessionId: ["Error"] } },
    ],
    [
      "a bogus referential equality",
      { sessionId: "x" },
      { referentialEqualities: { sessionId: ["nope.deep"] } },
    ],
    ["referential equalities not an object", { sessionId: "x" }, { referentialEqualities: 5 }],
    ["values not an object", { sessionId: "x" }, { values: 5 }],
    ["meta a string", { sessionId: "x" }, "meta"],
    ["meta an array", { sessionId: "x" }, [1, 2, 3]],
    [
      "a huge annotation path",
      { sessionId: "x" },
      { values: { ["a.".repeat(2000) + "a"]: ["Date"] } },
    ],
  ];
  const cases: HttpCase[] = [];
  for (const [what, value, meta] of metas) {
    const onSignup = what === "unknown transformation";
    for (const path of onSignup
      ? ["auth.signup", "sessions.get"]
      : ["sessions.get", "generation.retry"]) {
      cases.push({
        name: `${path}: superjson meta with ${what}`,
        path,
        body: json(value, meta),
        credentials: path === "auth.signup" ? "none" : "owner",
        expect: ANY_4XX,
      });
    }
  }
  // Numbers superjson can carry and JSON cannot: never a valid limit or duration.
  for (const special of ["NaN", "Infinity", "-Infinity"]) {
    cases.push({
      name: `sessions.list: limit ${special} through superjson`,
      path: "sessions.list",
      body: json({ limit: special }, { values: { limit: ["number"] } }),
      credentials: "owner",
      expect: BAD_REQUEST("limit"),
    });
    cases.push({
      name: `generation.generateClips: clipDuration ${special} through superjson`,
      path: "generation.generateClips",
      body: json(
        { ...(baseInputs(ids)["generation.generateClips"] as object), clipDuration: special },
        { values: { clipDuration: ["number"] } },
      ),
      credentials: "owner",
      expect: BAD_REQUEST("clipDuration"),
    });
  }
  return cases;
}

/** Text no field may hold, and text that is awkward but fine. */
function unicodeCases(ids: Identities): HttpCase[] {
  const cases: HttpCase[] = [];
  const inputs = baseInputs(ids);
  const elsewhere = baseInputs(ids, randomUUID());
  const fields: [string, Path][] = [
    ["generation.generateImages", ["productPrompt"]],
    ["generation.generateImages", ["styleKeywords", 0]],
    ["generation.generateClips", ["videoPrompt"]],
    ["generation.composeFinalVideo", ["textOverlay", "productName"]],
    ["generation.composeFinalVideo", ["textOverlay", "cta"]],
  ];
  for (const [path, at] of fields) {
    const current = String(
      at.reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], inputs[path]),
    );
    for (const bad of BROKEN_CHARS) {
      cases.push({
        name: `${path}: ${dotted(at)} with ${JSON.stringify(bad)}`,
        path,
        body: json(setAt(inputs[path], at, `${current.slice(0, 3)}${bad}${current.slice(3)}`)),
        credentials: "owner",
        expect: BAD_REQUEST(dotted(at)),
      });
    }
    for (const tricky of TRICKY_TEXT.slice(0, 3)) {
      const value = tricky.slice(0, dotted(at).endsWith("cta") ? 30 : 50);
      cases.push({
        name: `${path}: ${dotted(at)} ${JSON.stringify(value)} is accepted`,
        path,
        body: json(setAt(elsewhere[path], at, value)),
        credentials: "owner",
        expect: NOT_FOUND,
      });
    }
  }
  for (const tricky of TRICKY_TEXT) {
    cases.push({
      name: `auth.login: email ${JSON.stringify(tricky)}`,
      path: "auth.login",
      body: json({ email: tricky, password: "whatever-pw" }),
      credentials: "none",
      expect: BAD_REQUEST("email"),
    });
  }
  for (const bad of BROKEN_CHARS) {
    cases.push({
      name: `auth.signup: password with ${JSON.stringify(bad)}`,
      path: "auth.signup",
      body: json({ email: "new.person@example.com", password: `long-enough${bad}` }),
      credentials: "none",
      expect: BAD_REQUEST("password"),
    });
  }
  return cases;
}

/** Bodies that are not JSON, not superjson, too deep or too big, and wrong methods. */
function malformedCases(ids: Identities): HttpCase[] {
  const cases: HttpCase[] = [];
  // Not JSON, or JSON that is not a superjson envelope: refused even where input is ignored.
  const unreadable = [
    "{",
    "}",
    "nul",
    "[",
    '{"json":',
    "{'json':1}",
    '{"json":{}}garbage',
    "\u0000",
    "NaN",
    "5",
    '"json"',
    '{"json":{},"meta":"x"}',
  ];
  // Well-formed envelopes whose content is wrong: refused where an input is required.
  const wrong = ['{"json":{"sessionId":"x"},"json":5}', "\uFEFF{}", '{"json":[]}'];
  for (const path of ["generation.retry", "sessions.create", "auth.signup", "auth.logout"]) {
    const takesInput = path === "generation.retry" || path === "auth.signup";
    for (const body of takesInput ? [...unreadable, ...wrong] : unreadable) {
      cases.push({
        name: `${path}: body ${JSON.stringify(body)}`,
        path,
        body,
        credentials: path === "auth.logout" ? "spare" : path === "auth.signup" ? "none" : "owner",
        expect: ANY_4XX,
      });
    }
  }
  for (const path of ["sessions.get", "sessions.list", "health", "auth.me"]) {
    for (const query of ["input=notjson", "input=%7B", "input=%E0%A4%A", "input=%00"]) {
      cases.push({
        name: `${path}: ?${query}`,
        path,
        rawQuery: query,
        credentials: "owner",
        expect: ANY_4XX,
      });
    }
  }
  // Deeply nested values, inside a field and as an extra field.
  const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
  const deepObject = (depth: number) => '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
  const S = JSON.stringify(ids.sessionId);
  for (const depth of [64, 2000, 20_000]) {
    cases.push({
      name: `generation.retry: sessionId nested ${depth} deep`,
      path: "generation.retry",
      body: `{"json":{"sessionId":${nested(depth)}}}`,
      credentials: "owner",
      expect: BAD_REQUEST("sessionId"),
    });
  }
  for (const depth of [64, 2000, 10_000]) {
    cases.push({
      name: `generation.generateClips: an extra field nested ${depth} deep`,
      path: "generation.generateClips",
      body: `{"json":{"sessionId":${S},"videoPrompt":"A slow push-in","a":${deepObject(depth)}}}`,
      credentials: "owner",
      expect: BAD_REQUEST("a"),
    });
  }
  // Huge values inside the 64 KiB limit, then a body far past it.
  cases.push(
    {
      name: "generation.generateImages: a 60 000-character prompt",
      path: "generation.generateImages",
      body: json({ sessionId: ids.sessionId, productPrompt: "p".repeat(60_000) }),
      credentials: "owner",
      expect: BAD_REQUEST("productPrompt"),
    },
    {
      name: "generation.saveApprovedImages: 1 500 ids",
      path: "generation.saveApprovedImages",
      body: json({
        sessionId: ids.sessionId,
        approvedImageIds: Array.from({ length: 1500 }, () => FIXED_UUIDS[1]),
      }),
      credentials: "owner",
      expect: BAD_REQUEST("approvedImageIds"),
    },
    {
      name: "generation.generateImages: 3 000 style keywords",
      path: "generation.generateImages",
      body: json({
        ...(baseInputs(ids)["generation.generateImages"] as object),
        styleKeywords: Array(3000).fill("k"),
      }),
      credentials: "owner",
      expect: BAD_REQUEST("styleKeywords"),
    },
    {
      name: "generation.generateClips: 4 000 extra keys",
      path: "generation.generateClips",
      body: json({
        ...(baseInputs(ids)["generation.generateClips"] as object),
        ...Object.fromEntries(Array.from({ length: 4000 }, (_, i) => [`k${i}`, i])),
      }),
      credentials: "owner",
      // The session is in `created`: once the input is read, the stage refuses.
      expect: ANY_4XX,
    },
  );
  for (const path of ["auth.login", "generation.generateImages", "sessions.create"]) {
    cases.push({
      name: `${path}: a 1 MB body`,
      path,
      body: json({ sessionId: ids.sessionId, email: "a@b.co", productPrompt: "x".repeat(1 << 20) }),
      credentials: path === "auth.login" ? "none" : "owner",
      expect: { status: [400, 413] },
    });
  }
  cases.push({
    name: "sessions.get: a 1 MB query string",
    path: "sessions.get",
    body: json({ sessionId: "x".repeat(1 << 20) }),
    credentials: "owner",
    expect: { status: [400, 413, 414, 431] },
  });
  // Content types and methods tRPC does not take.
  const post = (path: string, contentType: string | undefined, body: string): HttpCase => ({
    name: `${path}: content-type ${contentType ?? "(none)"}`,
    path,
    body,
    credentials: "owner",
    headers: contentType ? { "content-type": contentType } : { "content-type": "" },
    expect: ANY_4XX,
  });
  const retryBody = json({ sessionId: ids.sessionId });
  cases.push(
    post("generation.retry", "text/plain", retryBody),
    post("generation.retry", undefined, retryBody),
    post("generation.retry", "application/octet-stream", retryBody),
    post("generation.retry", "multipart/form-data; boundary=x", "--x\r\n\r\n--x--"),
    post("generation.retry", "application/x-www-form-urlencoded", "sessionId=x"),
    post("generation.retry", "application/json; charset=utf-16", retryBody),
  );
  for (const [path, method] of [
    ["generation.retry", "GET"],
    ["sessions.get", "POST"],
    ["sessions.get", "PUT"],
    ["sessions.delete", "DELETE"],
    ["sessions.create", "PATCH"],
    ["generation.progress", "GET"],
    ["generation.progress", "POST"],
  ] as const) {
    cases.push({
      name: `${path}: ${method}`,
      path,
      method,
      body:
        path === "sessions.get" && method !== "POST"
          ? undefined
          : json({ sessionId: ids.sessionId }),
      credentials: "owner",
      expect: ANY_4XX,
    });
  }
  cases.push(
    {
      name: "no procedure at the path",
      path: "sessions.nothing",
      credentials: "owner",
      expect: { status: 404, code: "NOT_FOUND" },
    },
    {
      name: "a path into the prototype",
      path: "__proto__.constructor",
      credentials: "owner",
      expect: ANY_4XX,
    },
    {
      name: "a path with a malformed escape",
      path: "sessions.%E0%A4%A",
      credentials: "owner",
      expect: ANY_4XX,
    },
    {
      name: "a cross-site POST",
      path: "sessions.create",
      body: json({}),
      credentials: "owner",
      headers: { origin: "https://evil.example" },
      expect: { status: 403 },
    },
  );
  return cases;
}

/** Batch frames (`?batch=1`) of wrong shapes and sizes. */
function batchCases(ids: Identities): HttpCase[] {
  const get = (paths: string[], input: string | null, name: string): HttpCase => ({
    name: `batch: ${name}`,
    path: paths.join(","),
    method: "GET",
    batch: true,
    rawQuery: input === null ? "batch=1" : `batch=1&input=${encodeURIComponent(input)}`,
    credentials: "owner",
    expect: { status: [400, 404, 405, 207] },
  });
  const post = (paths: string[], body: string, name: string): HttpCase => ({
    name: `batch: ${name}`,
    path: paths.join(","),
    method: "POST",
    batch: true,
    body,
    credentials: "owner",
    expect: { status: [400, 404, 405, 207] },
  });
  // Each call needs an input: a missing entry is a missing sessionId, never a success.
  const two = ["generation.retry", "generation.retry"];
  const bad = json({ sessionId: "x" });
  return [
    post(two, "5", "a number for the inputs"),
    post(two, "[1,2]", "an array of numbers"),
    post(two, "null", "null"),
    post(two, '"x"', "a string"),
    post(two, '{"0":"x","1":{"json":{"a":1}}}', "entries of wrong shapes"),
    post(two, '{"0":{"json":{"a":1}},"__proto__":{"json":{}}}', "a __proto__ entry"),
    post(two, '{"0":{"json":{"a":1}},"-1":5,"99":5}', "indexes out of range"),
    post(two, "{", "malformed JSON"),
    post(["sessions.list", "sessions.create"], "{}", "a query and a mutation"),
    post(["generation.retry", "generation.progress"], "{}", "a subscription in a batch"),
    post(["auth.login", "auth.login"], "{}", "two log-ins"),
    post(Array(11).fill("generation.retry"), "{}", "eleven calls"),
    post([",", ""], "{}", "empty names"),
    post(two, `{"0":${bad},"1":${bad}}`, "two bad ids"),
    post(
      ["sessions.create", "sessions.create"],
      '{"0":"x","1":5}',
      "inputs that are not envelopes",
    ),
    get(["sessions.get", "sessions.costs"], `{"0":${bad},"1":{"json":{}}}`, "two bad queries"),
    get(["sessions.get", "sessions.nothing"], `{"0":${bad}}`, "an unknown procedure"),
    get(["sessions.get", "sessions.get"], "[]", "an array of inputs"),
    get(["sessions.get", "sessions.get"], "notjson", "inputs that are not JSON"),
    get(Array(11).fill("sessions.get"), null, "eleven queries"),
    get(
      ["sessions.get", "sessions.get"],
      `{"0":${json({ sessionId: ids.sessionId }, { values: ["bogus"] })}}`,
      "bogus meta",
    ),
  ];
}

/** Forged, empty and malformed credentials on every protected procedure. */
function credentialCases(ids: Identities): HttpCase[] {
  const forged: [string, Credentials][] = [
    ["no credentials", "none"],
    ["a made-up bearer token", { header: "authorization", value: `Bearer ${"a".repeat(40)}` }],
    ["an empty bearer token", { header: "authorization", value: "Bearer " }],
    ["another scheme", { header: "authorization", value: "Basic dXNlcjpwYXNz" }],
    ["a 6 000-character token", { header: "authorization", value: `Bearer ${"t".repeat(6000)}` }],
    ["a made-up session cookie", { header: "cookie", value: "adgen_session=forged-token-value" }],
    ["a cookie with a bad escape", { header: "cookie", value: "adgen_session=%E0%A4%A" }],
    [
      "another site's cookie with a bad escape",
      { header: "cookie", value: "theme=%E0; adgen_session=abc" },
    ],
    ["two session cookies", { header: "cookie", value: "adgen_session=a; adgen_session=b" }],
  ];
  const cases: HttpCase[] = [];
  const inputs = baseInputs(ids);
  for (const info of listProcedures()) {
    if (!isProtected(info.path) || info.type === "subscription") continue;
    for (const [what, credentials] of forged) {
      const malformed = typeof credentials === "object" && credentials.value.includes("%E0");
      cases.push({
        name: `${info.path}: ${what}`,
        path: info.path,
        body: inputs[info.path] === undefined ? undefined : json(inputs[info.path]),
        credentials,
        expect: malformed ? { status: [400, 401] } : UNAUTHORIZED,
      });
    }
  }
  for (const [what, credentials] of forged.slice(1)) {
    const malformed = typeof credentials === "object" && credentials.value.includes("%E0");
    cases.push({
      name: `auth.me: ${what} is nobody`,
      path: "auth.me",
      credentials,
      expect: { status: malformed ? [200, 400] : 200 },
    });
  }
  return cases;
}

/** All hand-picked tRPC HTTP cases. */
export function targetedCases(ids: Identities): HttpCase[] {
  return [
    ...boundaryCases(ids),
    ...idCases(ids),
    ...cursorCases(),
    ...metaCases(ids),
    ...unicodeCases(ids),
    ...malformedCases(ids),
    ...batchCases(ids),
    ...credentialCases(ids),
  ];
}

export function typeOf(path: string): ProcedureType {
  const first = path.split(",")[0] ?? path;
  return listProcedures().find((p) => p.path === first)?.type ?? "query";
}
