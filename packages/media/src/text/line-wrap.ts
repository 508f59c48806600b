export type MeasureWidth = (text: string) => number;

const segmenter = new Intl.Segmenter(undefined, { granularity: "word" });
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Splits text into pieces a line may break between: after spaces, and between two words that
 * touch (Japanese, Chinese and Thai have no spaces; ICU's dictionaries find their words).
 * Punctuation stays on its word, so no line starts with a comma.
 */
export function breakableTokens(text: string): string[] {
  const tokens: string[] = [];
  let previous: { wordLike: boolean; space: boolean } | undefined;
  for (const part of segmenter.segment(text)) {
    const space = /^\s+$/u.test(part.segment);
    const wordLike = part.isWordLike ?? false;
    const breakBefore =
      previous !== undefined && (previous.space || (previous.wordLike && wordLike));
    if (tokens.length === 0 || breakBefore) tokens.push(part.segment);
    else tokens[tokens.length - 1] += part.segment;
    previous = { wordLike, space };
  }
  return tokens;
}

function splitGraphemes(token: string): string[] {
  return Array.from(graphemes.segment(token), (part) => part.segment);
}

/**
 * Greedy line filling. Returns null when a single token is wider than the line, unless
 * `breakLongWords` lets it break between characters (the last resort at the smallest size).
 */
export function wrapText(
  text: string,
  maxWidth: number,
  measure: MeasureWidth,
  breakLongWords = false,
): string[] | null {
  const lines: string[] = [];
  let line = "";
  const pieces = breakableTokens(text).flatMap((token) =>
    breakLongWords && measure(token.trim()) > maxWidth ? splitGraphemes(token) : [token],
  );
  for (const piece of pieces) {
    const candidate = line + piece;
    if (line === "" || measure(candidate.trimEnd()) <= maxWidth) {
      line = candidate;
      continue;
    }
    lines.push(line.trimEnd());
    line = piece.trimStart();
  }
  if (line.trim() !== "") lines.push(line.trimEnd());
  if (lines.some((l) => measure(l) > maxWidth)) return null;
  return lines;
}

/** Shortens the last line until it fits with an ellipsis; used only when nothing else fits. */
export function ellipsize(line: string, maxWidth: number, measure: MeasureWidth): string {
  const parts = splitGraphemes(line);
  while (parts.length > 0 && measure(`${parts.join("").trimEnd()}…`) > maxWidth) parts.pop();
  return `${parts.join("").trimEnd()}…`;
}

/**
 * Re-wraps into the same number of lines at the narrowest width that keeps that count, so
 * "Aurora Sparkling / Water" becomes "Aurora / Sparkling Water" (headline balance).
 */
export function balanceLines(
  text: string,
  lines: string[],
  maxWidth: number,
  measure: MeasureWidth,
): string[] {
  if (lines.length < 2) return lines;
  let best = lines;
  let low = 1;
  let high = Math.floor(maxWidth);
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    const attempt = wrapText(text, mid, measure);
    if (attempt && attempt.length <= lines.length) {
      best = attempt;
      high = mid;
    } else {
      low = mid + 1;
    }
  }
  return best;
}
