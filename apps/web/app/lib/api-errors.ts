import { fieldErrorsFrom, type FieldErrors } from "@adgen/api/errors";

export interface ApiFailure {
  code: string;
  message: string;
  fieldErrors: FieldErrors;
}

/** What a page's action answers when the API refused: shown next to the form that posted. */
export type ActionFailure = ApiFailure & { intent: string };

/** Turns an error thrown by the tRPC caller into what a form shows; other errors rethrow. */
export function apiFailure(error: unknown): ApiFailure {
  const e = error as { name?: string; code?: string; message?: string; cause?: unknown };
  if (e?.name !== "TRPCError" || !e.code || e.code === "INTERNAL_SERVER_ERROR") throw error;
  const fieldErrors = fieldErrorsFrom(e.cause) ?? {};
  const firstField = Object.values(fieldErrors).flat()[0];
  const message = e.message?.startsWith("[")
    ? (firstField ?? "Please check the form.")
    : (e.message ?? "");
  return { code: e.code, message, fieldErrors };
}
