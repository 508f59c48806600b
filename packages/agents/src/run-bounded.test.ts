import { describe, expect, it } from "vitest";
import { runBounded } from "./run-bounded";

describe("runBounded", () => {
  it("never runs more than the limit at once and keeps the input order", async () => {
    let active = 0;
    let peak = 0;
    const results = await runBounded([30, 10, 20, 5, 15], 2, async (ms, i) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, ms));
      active--;
      return i;
    });
    expect(peak).toBe(2);
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : -1))).toEqual([0, 1, 2, 3, 4]);
  });

  it("settles every item when some fail", async () => {
    const results = await runBounded([1, 2, 3], 3, async (n) => {
      if (n === 2) throw new Error("boom");
      return n;
    });
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  });
});
