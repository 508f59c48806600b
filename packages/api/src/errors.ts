import { randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";

/** Field errors keyed by dotted path ("textOverlay.productName"), shown next to each field. */
export type FieldErrors = Record<string, string[]>;

/** A TRPCError cause that carries field errors for the formatter to expose. */
export class FieldErrorsCause extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super(Object.values(fieldErrors).flat().join(" "));
    this.name = "FieldErrorsCause";
  }
}

export function fieldError(code: TRPCError["code"], field: string, message: string): TRPCError {
  return new TRPCError({ code, message, cause: new FieldErrorsCause({ [field]: [message] }) });
}

interface IssueLike {
  path: PropertyKey[];
  message: string;
}

/** Works for zod errors and any Standard Schema failure: both carry `issues`. */
export function fieldErrorsFrom(cause: unknown): FieldErrors | null {
  if (cause instanceof FieldErrorsCause) return cause.fieldErrors;
  const issues = (cause as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return null;
  const errors: FieldErrors = {};
  for (const issue of issues as IssueLike[]) {
    const key =
      issue.path.map((p) => (typeof p === "symbol" ? p.description : String(p))).join(".") ||
      "_form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

/** A short id a user can quote and an operator can find in the log. */
export function newErrorReference(): string {
  return randomBytes(5).toString("hex");
}

const references = new WeakMap<object, string>();

/**
 * Logs an unexpected error once, with a reference the user's message carries. The same
 * error object always gets the same reference, however often it is reported.
 */
export function referenceFor(error: unknown, where: string): string {
  const key = typeof error === "object" && error !== null ? error : null;
  const known = key ? references.get(key) : undefined;
  if (known) return known;
  const reference = newErrorReference();
  if (key) references.set(key, reference);
  console.error(`[${where}] error ${reference}:`, error);
  return reference;
}

export function internalErrorMessage(reference: string): string {
  return `Something went wrong on our side. Reference: ${reference}.`;
}

/**
 * When an "internal" error was really caused by what the caller sent, the plain sentence to
 * answer with (a 400), else null: a malformed percent-escape (in a cookie, say), or a value
 * PostgreSQL refuses as data (SQLSTATE class 22: bad text, out-of-range number or date).
 */
export function callerCausedMessage(error: unknown): string | null {
  let e: unknown = error;
  for (let depth = 0; e && depth < 8; depth++, e = (e as { cause?: unknown }).cause) {
    if (e instanceof URIError) {
      return "The request contains a malformed encoded value (for example in a cookie).";
    }
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^22[0-9A-Z]{3}$/.test(code)) {
      return "The request contains a value that cannot be stored.";
    }
  }
  return null;
}

/**
 * The message of a BAD_REQUEST or PARSE_ERROR whose text was copied from a parser's own
 * error (JSON.parse, superjson): replaced by a sentence; other messages are kept.
 */
export function plainRequestMessage(error: TRPCError): string {
  const cause = error.cause;
  const copied =
    cause instanceof Error &&
    !(cause instanceof TRPCError) &&
    !(cause instanceof FieldErrorsCause) &&
    !Array.isArray((cause as { issues?: unknown }).issues) &&
    error.message === cause.message;
  if (!copied) return error.message;
  if (cause instanceof SyntaxError) return "The request is not valid JSON.";
  return "The request input could not be read: it is not in the format this API expects.";
}

/** Deeper than any input of this API; bounds the work of walking what a caller sends. */
export const MAX_INPUT_DEPTH = 16;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface InputProblem {
  field: string;
  message: string;
}

/**
 * The first thing in an input that no field may hold, whatever its schema: text with a NUL
 * (PostgreSQL cannot store it) or half a surrogate pair (not text at all), or nesting
 * deeper than any input needs. Schemas check the rest.
 */
export function findInputProblem(
  input: unknown,
  options: { depthOnly?: boolean } = {},
): InputProblem | null {
  const stack: { value: unknown; path: string[] }[] = [{ value: input, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    const field = path.join(".") || "_form";
    if (typeof value === "string") {
      if (options.depthOnly) continue;
      if (value.includes("\u0000")) {
        return { field, message: "This text contains a character that is not allowed (NUL)." };
      }
      if (LONE_SURROGATE.test(value)) {
        return { field, message: "This text contains a broken character (half of a symbol)." };
      }
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    if (path.length >= MAX_INPUT_DEPTH) {
      return { field, message: "This value is nested too deeply." };
    }
    if (Array.isArray(value)) {
      value.forEach((child, i) => stack.push({ value: child, path: [...path, String(i)] }));
    } else if (
      Object.getPrototypeOf(value) === Object.prototype ||
      Object.getPrototypeOf(value) === null
    ) {
      for (const [key, child] of Object.entries(value))
        stack.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}
