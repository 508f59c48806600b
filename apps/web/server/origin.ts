/**
 * Requests without an Origin (SDK, CLI, curl) carry a bearer token or no cookie worth
 * stealing; browser requests must come from our own origin.
 */
export function isAllowedOrigin(origin: string | undefined, host: string | undefined, allowed: string[]): boolean {
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
