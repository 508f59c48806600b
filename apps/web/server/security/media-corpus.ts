import { randomUUID } from "node:crypto";
import fc from "fast-check";
import type { Answer, Expectation } from "./answers";
import { ITEM9_ID, type Credentials } from "./corpus";

export interface MediaCase {
  name: string;
  /** Path and query after the origin, sent as written (already percent-encoded). */
  url: string;
  method?: "GET" | "HEAD" | "POST";
  credentials: Credentials;
  headers?: Record<string, string>;
  expect: Expectation;
  /** Extra checks on a successful answer (ranges). */
  check?: (answer: Answer) => string[];
}

/** A file the owner really has, for the owner-only and Range cases. */
export interface OwnedFile {
  sessionId: string;
  key: string;
  size: number;
}

const NOT_FOUND: Expectation = { status: 404 };

function whole(size: number) {
  return (answer: Answer) =>
    answer.headers.get("content-length") === String(size) &&
    answer.headers.get("content-range") === null
      ? []
      : [
          `expected the whole ${size} bytes, got ${answer.headers.get("content-length")} bytes (${answer.headers.get("content-range")})`,
        ];
}

function part(start: number, end: number, size: number) {
  return (answer: Answer) =>
    answer.headers.get("content-range") === `bytes ${start}-${end}/${size}` &&
    answer.headers.get("content-length") === String(end - start + 1)
      ? []
      : [`expected bytes ${start}-${end}/${size}, got ${answer.headers.get("content-range")}`];
}

export function mediaCases(file: OwnedFile): MediaCase[] {
  const S = file.sessionId;
  const url = `/media/${file.key}`;
  const cases: MediaCase[] = [
    {
      name: "the owner gets the file",
      url,
      credentials: "owner",
      expect: { status: 200 },
      check: whole(file.size),
    },
    {
      name: "HEAD by the owner",
      url,
      method: "HEAD",
      credentials: "owner",
      expect: { status: 200 },
    },
  ];
  const strangers: [string, Credentials][] = [
    ["nobody", "none"],
    ["a made-up bearer token", { header: "authorization", value: `Bearer ${"f".repeat(40)}` }],
    ["a made-up cookie", { header: "cookie", value: "adgen_session=nope" }],
    ["a cookie with a bad escape", { header: "cookie", value: "adgen_session=%E0%A4%A" }],
    ["another site's malformed cookie", { header: "cookie", value: "theme=%E0; adgen_session=x" }],
    ["another scheme", { header: "authorization", value: "Basic Zm9vOmJhcg==" }],
  ];
  for (const [who, credentials] of strangers) {
    cases.push({ name: `the file, as ${who}`, url, credentials, expect: NOT_FOUND });
    cases.push({ name: `HEAD, as ${who}`, url, method: "HEAD", credentials, expect: NOT_FOUND });
  }
  const paths: [string, string, Expectation?][] = [
    ["a session id of 36 zeros (item 9)", `/media/sessions/${ITEM9_ID}/a.png`],
    ["a session id of 36 dashes", `/media/sessions/${"-".repeat(36)}/a.png`],
    ["a session id of 36 f's", `/media/sessions/${"f".repeat(36)}/images/a.png`],
    [
      "the session id in capitals",
      `/media/sessions/${S.toUpperCase()}/images/${file.key.split("/").at(-1)}`,
    ],
    ["the session id with braces", `/media/sessions/%7B${S}%7D/a.png`],
    ["a session nobody has", `/media/sessions/${randomUUID()}/images/a.png`],
    ["a file the session does not have", `/media/sessions/${S}/images/missing.png`],
    [
      "a malformed escape in the name",
      `/media/sessions/${S}/images/%E0%A4%A.png`,
      { status: [400, 404] },
    ],
    ["a malformed escape as the whole key", "/media/%E0%A4%A", { status: [400, 404] }],
    ["a lone percent sign", `/media/sessions/${S}/images/%.png`, { status: [400, 404] }],
    ["encoded traversal", `/media/sessions/${S}/images/..%2f..%2f..%2fetc%2fpasswd`],
    ["encoded dot segments", `/media/sessions/${S}/images/%2e%2e/%2e%2e/%2e%2e/package.json`],
    ["an encoded NUL", `/media/sessions/${S}/images/a.png%00.txt`],
    ["an encoded backslash", `/media/sessions/${S}/images/..%5c..%5cx`],
    ["a trailing slash", `/media/${file.key}/`],
    ["an empty segment", `/media/sessions/${S}//images/a.png`],
    ["the session folder", `/media/sessions/${S}`],
    ["the sessions folder", "/media/sessions/"],
    ["nothing", "/media/"],
    ["a 6 000-character name", `/media/sessions/${S}/images/${"a".repeat(6000)}.png`],
    [
      "a name with RTL and emoji",
      `/media/sessions/${S}/images/${encodeURIComponent("\u202Egnp.🧴")}`,
    ],
    [
      "an encoded lone surrogate",
      `/media/sessions/${S}/images/%ED%A0%80.png`,
      { status: [400, 404] },
    ],
    ["a key outside sessions", "/media/users/x.png"],
  ];
  for (const [name, path, expectation] of paths) {
    cases.push({ name, url: path, credentials: "owner", expect: expectation ?? NOT_FOUND });
  }
  cases.push({
    name: "POST to a file",
    url,
    method: "POST",
    credentials: "owner",
    expect: { status: [404, 405] },
  });
  const size = file.size;
  const ranges: [string, number, ((a: Answer) => string[])?][] = [
    // RFC 9110: an invalid range is ignored and the whole file sent (item 12).
    ["bytes=5-3", 200, whole(size)],
    ["bytes=abc", 200, whole(size)],
    ["bytes=0-1,3-4", 200, whole(size)],
    ["bytes=--1", 200, whole(size)],
    ["bytes=1-2-3", 200, whole(size)],
    ["bytes=", 200, whole(size)],
    ["bytes=-", 200, whole(size)],
    ["items=0-1", 200, whole(size)],
    ["bytes=0x10-0x20", 200, whole(size)],
    ["bytes=0-0", 206, part(0, 0, size)],
    ["bytes=-5", 206, part(size - 5, size - 1, size)],
    ["bytes=0-99999999999999999999999", 206, part(0, size - 1, size)],
    // Well-formed but starting past the end: the only 416.
    [`bytes=${size}-`, 416],
    ["bytes=99999999999999999999-", 416],
    ["bytes=-0", 416],
  ];
  for (const [range, status, check] of ranges) {
    cases.push({
      name: `Range: ${range}`,
      url,
      credentials: "owner",
      headers: { range },
      expect: { status },
      check,
    });
  }
  return cases;
}

/** Paths under /media built from awkward pieces; none of them names a real file. */
export function generatedMediaCases(file: OwnedFile, seed: number, runs: number): MediaCase[] {
  const piece = fc.oneof(
    fc.constantFrom(
      "sessions",
      file.sessionId,
      ITEM9_ID,
      "images",
      "final",
      "..",
      ".",
      "",
      "%2e%2e",
      "%2f",
      "%5c",
      "%00",
      "%E0%A4%A",
      "%",
      "%%",
      "%ff",
      "a.png",
    ),
    fc
      .string({ unit: "grapheme", maxLength: 12 })
      .map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, ""))),
    fc.stringMatching(/^[0-9a-f-]{36}$/),
  );
  const path = fc
    .array(piece, { minLength: 1, maxLength: 6 })
    .map((parts) => `/media/${parts.join("/")}`);
  return fc
    .sample(path, { seed, numRuns: runs })
    .filter((p) => !p.endsWith(file.key))
    .map((p) => ({
      name: `GET ${p.slice(0, 80)}`,
      url: p,
      credentials: "owner" as const,
      expect: { status: [400, 404] },
    }));
}
