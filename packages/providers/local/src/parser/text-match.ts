/**
 * Phrase matching shared by the parser and the image model (which reads the same words
 * back out of a prompt). Text is lower-cased and punctuation becomes spaces, so
 * "Rose-Gold" and "rose gold" match alike.
 */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export interface TermTable<T> {
  /** Every phrase that names an entry, with the entry it names. */
  readonly terms: readonly { phrase: string; entry: T }[];
}

export interface TermMatch<T> {
  entry: T;
  phrase: string;
  index: number;
}

export function termTable<T>(
  entries: readonly T[],
  phrasesOf: (entry: T) => readonly string[],
): TermTable<T> {
  const terms = entries.flatMap((entry) =>
    phrasesOf(entry).map((phrase) => ({ phrase: normaliseText(phrase), entry })),
  );
  // Longest phrases first, so "rose gold" claims its words before "gold" can.
  terms.sort((a, b) => b.phrase.length - a.phrase.length);
  return { terms };
}

/**
 * Finds the table's phrases in `text` (plurals included), in order of appearance. A word
 * claimed by a longer phrase is not matched again by a shorter one.
 */
export function findTerms<T>(text: string, table: TermTable<T>): TermMatch<T>[] {
  let haystack = ` ${normaliseText(text)} `;
  const found: TermMatch<T>[] = [];
  for (const { phrase, entry } of table.terms) {
    const pattern = new RegExp(` ${phrase}(?:s|es)? `, "g");
    for (let match = pattern.exec(haystack); match; match = pattern.exec(haystack)) {
      found.push({ entry, phrase, index: match.index });
      // Blank the words out (keeping offsets) so shorter phrases cannot reuse them.
      haystack =
        haystack.slice(0, match.index + 1) +
        "#".repeat(match[0].length - 2) +
        haystack.slice(match.index + match[0].length - 1);
      pattern.lastIndex = match.index + match[0].length - 1;
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Each entry once, in order of first appearance. */
export function uniqueEntries<T>(matches: readonly TermMatch<T>[]): T[] {
  return [...new Set(matches.map((match) => match.entry))];
}
