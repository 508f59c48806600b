/**
 * Money is kept as integer micro-dollars (1 USD = 1,000,000) so sums are exact;
 * it is turned into dollars only at the edge.
 */
export const MICROS_PER_USD = 1_000_000;

export function usdToMicros(usd: number): number {
  return Math.round(usd * MICROS_PER_USD);
}

export function microsToUsd(micros: number): number {
  return micros / MICROS_PER_USD;
}

/** Dollars for people: cents normally, more digits only when cents would hide the amount. */
export function formatUsd(usd: number): string {
  if (usd > 0 && usd < 0.01) return `$${usd.toFixed(4)}`;
  if (usd < 1 && Math.round(usd * 100) !== usd * 100) return `$${usd.toFixed(3)}`;
  return `$${usd.toFixed(2)}`;
}
