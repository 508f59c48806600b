import { UnusableOutputError } from "../client/failure";

/** The file URL(s) of a prediction's output: a string, or an array of strings (FLUX dev). */
export function outputUrls(output: unknown): string[] {
  const urls = (Array.isArray(output) ? output : [output]).filter(
    (value): value is string => typeof value === "string" && value.length > 0,
  );
  if (urls.length === 0) throw new UnusableOutputError("answered without an output file.");
  return urls;
}

/** An LLM's output: an array of tokens, or one string. */
export function outputText(output: unknown): string {
  if (typeof output === "string") return output;
  if (Array.isArray(output)) return output.map((t) => (typeof t === "string" ? t : "")).join("");
  return "";
}
