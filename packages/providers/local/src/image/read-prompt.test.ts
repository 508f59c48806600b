import { describe, expect, it } from "vitest";
import { parseProductPrompt } from "../parser/rule-parser";
import { readPrompt, splitPrompt } from "./read-prompt";

describe("readPrompt", () => {
  it.each([
    "Red running shoe with white sole",
    "Rose gold smartwatch with a leather strap",
    "lavender scented candle in a frosted glass jar",
    "navy canvas tote bag for the beach",
    "bluetooth speaker",
  ])("reads back the parser's traits from every view prompt of %s", (productPrompt) => {
    const parsed = parseProductPrompt({
      productPrompt,
      styleKeywords: ["moody", "warm glow"],
      numViews: 8,
    });
    for (const view of parsed.views) {
      const brief = readPrompt({ ...view, seed: parsed.consistencySeed });
      expect(brief.category).toBe(parsed.category);
      expect(brief.colours.map((colour) => colour.hex)).toEqual(
        parsed.colors.map((colour) => colour.hex),
      );
      expect(brief.materials.map((material) => material.name)).toEqual(parsed.materials);
      expect(brief.moods.slice(0, 2)).toEqual(["dark", "warm"]);
      expect(brief.view).toBe(view.viewType);
    }
  });

  it("picks a shape variant from the prompt's words", () => {
    const variant = (productPrompt: string) => {
      const parsed = parseProductPrompt({ productPrompt, styleKeywords: [], numViews: 4 });
      return readPrompt({ ...parsed.views[0]!, seed: 1 }).variant;
    };
    expect(variant("vitamin C serum")).toBe("dropper");
    expect(variant("eau de parfum")).toBe("perfume");
    expect(variant("leather hiking boots")).toBe("boot");
    expect(variant("hiking backpack")).toBe("backpack");
    expect(variant("soy candle")).toBe("candle");
  });

  it("reads a free-form prompt whole when it lacks the parser's layout", () => {
    expect(splitPrompt("a green glass bottle on a table")).toEqual({
      subject: "a green glass bottle on a table",
      rest: "",
    });
    const brief = readPrompt({
      prompt: "a green glass bottle",
      negativePrompt: "reflections, props",
      viewType: "side",
      seed: 3,
    });
    expect(brief).toMatchObject({ category: "bottle", avoid: { reflection: true, props: true } });
    expect(brief.colours.map((colour) => colour.name)).toEqual(["green"]);
  });
});
