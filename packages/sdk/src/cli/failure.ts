import { AdgenError } from "../errors";
import { NotLoggedInError, UsageError } from "./usage";

export const EXIT = { ok: 0, failed: 1, usage: 2, notLoggedIn: 3, interrupted: 130 } as const;

export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof NotLoggedInError) return EXIT.notLoggedIn;
  if (error instanceof AdgenError) {
    if (error.kind === "auth") return EXIT.notLoggedIn;
    if (error.kind === "validation") return EXIT.usage;
    if (error.kind === "cancelled") return EXIT.interrupted;
  }
  return EXIT.failed;
}

/**
 * One readable line naming the field at fault. `fieldNames` maps a spec field to what the
 * user typed (`videoPrompt` → `--video-prompt`).
 */
export function describeFailure(error: unknown, fieldNames: Record<string, string> = {}): string {
  if (error instanceof AdgenError && error.field) {
    return Object.entries(error.fieldErrors)
      .map(([field, messages]) => `${fieldNames[field] ?? field}: ${messages[0] ?? error.message}`)
      .join("; ");
  }
  if (error instanceof AdgenError && error.kind === "auth")
    return `${error.message} Run \`adgen login\` or set ADGEN_TOKEN.`;
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
}

export function failureDocument(error: unknown) {
  return {
    error: {
      kind:
        error instanceof AdgenError
          ? error.kind
          : error instanceof UsageError
            ? "usage"
            : error instanceof NotLoggedInError
              ? "auth"
              : "internal",
      message: describeFailure(error),
      fieldErrors: error instanceof AdgenError ? error.fieldErrors : {},
      sessionId: error instanceof AdgenError ? error.sessionId : undefined,
    },
  };
}
