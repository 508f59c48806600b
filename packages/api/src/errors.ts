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

export function fieldError(
  code: TRPCError["code"],
  field: string,
  message: string,
): TRPCError {
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
    const key = issue.path.map((p) => (typeof p === "symbol" ? p.description : String(p))).join(".") || "_form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}
