import { describe, expect, it } from "vitest";
import { balanceLines, breakableTokens, ellipsize, wrapText } from "./line-wrap";

/** Every character is 10 px wide: easy to reason about. */
const measure = (text: string) => [...text].length * 10;

describe("line wrapping", () => {
  it("breaks after spaces, keeping punctuation on its word", () => {
    expect(breakableTokens("Hello, world! Buy now.")).toEqual([
      "Hello, ",
      "world! ",
      "Buy ",
      "now.",
    ]);
  });

  it("finds break points in Japanese, which has no spaces", () => {
    const tokens = breakableTokens("日本酒のプレミアム");
    expect(tokens.length).toBeGreaterThan(1);
    expect(tokens.join("")).toBe("日本酒のプレミアム");
  });

  it("fills lines greedily and fails when one word is too wide", () => {
    expect(wrapText("aaa bbb ccc", 75, measure)).toEqual(["aaa bbb", "ccc"]);
    expect(wrapText("abcdefghij", 50, measure)).toBeNull();
    expect(wrapText("abcdefghij", 50, measure, true)).toEqual(["abcde", "fghij"]);
  });

  it("balances lines to the narrowest width that keeps their count", () => {
    const greedy = wrapText("Aurora Sparkling Water", 160, measure) ?? [];
    expect(greedy).toEqual(["Aurora Sparkling", "Water"]);
    expect(balanceLines("Aurora Sparkling Water", greedy, 160, measure)).toEqual([
      "Aurora",
      "Sparkling Water",
    ]);
  });

  it("ellipsizes what cannot fit", () => {
    expect(ellipsize("abcdefghij", 50, measure)).toBe("abcd…");
  });
});
