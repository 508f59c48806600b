import { describe, expect, it } from "vitest";
import { ModelCallError, parsedPromptSchema } from "@adgen/agents";
import { createLocalPromptParser, LOCAL_PROMPT_PARSER_ID } from "./index";
import { parseProductPrompt } from "./rule-parser";

describe("parseProductPrompt", () => {
  it("returns the parser's JSON shape with the product's traits", () => {
    const parsed = parseProductPrompt({
      productPrompt: "Red running shoe with white sole",
      styleKeywords: ["energetic"],
      numViews: 6,
    });
    expect(parsedPromptSchema.safeParse(parsed).success).toBe(true);
    expect(parsed.category).toBe("shoe");
    expect(parsed.colors).toEqual([
      { name: "red", hex: "#C62828" },
      { name: "white", hex: "#F4F4F1" },
    ]);
    expect(parsed.materials).toEqual(["mesh", "rubber"]);
    expect(parsed.productDescription).toBe(
      "red running shoe with white sole, a running shoe in red and white, made of mesh and rubber",
    );
  });

  it("repeats one description word for word in every view prompt, each with a negative prompt", () => {
    const parsed = parseProductPrompt({
      productPrompt: "Rose gold smartwatch with a leather strap",
      styleKeywords: [],
      numViews: 8,
    });
    expect(parsed.views).toHaveLength(8);
    for (const view of parsed.views) {
      expect(view.prompt).toContain(parsed.productDescription);
      expect(view.negativePrompt).toMatch(/blurry/);
    }
    expect(new Set(parsed.views.map((view) => view.prompt)).size).toBe(8);
  });

  it("chooses views in a sensible order for each batch size", () => {
    const views = (numViews: number) =>
      parseProductPrompt({ productPrompt: "jar", styleKeywords: [], numViews }).views.map(
        (v) => v.viewType,
      );
    expect(views(4)).toEqual(["front", "three_quarter", "detail", "lifestyle"]);
    expect(views(6)).toEqual(["front", "three_quarter", "side", "back", "detail", "lifestyle"]);
    expect(views(8)).toEqual([
      "front",
      "three_quarter",
      "side",
      "back",
      "top",
      "detail",
      "lifestyle",
      "in_use",
    ]);
  });

  it("gives the same seed to the same product however it is typed, and a different one to another", () => {
    const seed = (productPrompt: string) =>
      parseProductPrompt({ productPrompt, styleKeywords: [], numViews: 4 }).consistencySeed;
    expect(seed("Red running shoe!")).toBe(seed("  red   RUNNING shoe "));
    expect(seed("Red running shoe")).not.toBe(seed("Blue running shoe"));
    expect(seed("Red running shoe")).toBeLessThanOrEqual(2 ** 31 - 1);
  });

  it("falls back to a category palette and materials when the prompt names none", () => {
    const parsed = parseProductPrompt({
      productPrompt: "a perfume",
      styleKeywords: [],
      numViews: 4,
    });
    expect(parsed.category).toBe("bottle");
    expect(parsed.colors.length).toBeGreaterThanOrEqual(2);
    expect(parsed.materials).toEqual(["glass"]);
    expect(parsed.productDescription).toContain(parsed.colors[0]!.name);
  });

  it("merges the user's style keywords with style words from the description, once each", () => {
    const parsed = parseProductPrompt({
      productPrompt: "luxury minimalist candle",
      styleKeywords: ["Minimalist", "warm light"],
      numViews: 4,
    });
    expect(parsed.styleKeywords).toEqual(["minimalist", "warm light", "luxury"]);
    expect(parsed.views[0]!.prompt).toContain("Style: minimalist, warm light, luxury.");
  });

  it("keeps the description one sentence, so sentence breaks in the prompt cannot split it", () => {
    const parsed = parseProductPrompt({
      productPrompt: "Navy canvas tote. Great for the beach! Style: boho",
      styleKeywords: [],
      numViews: 4,
    });
    expect(parsed.productDescription).not.toMatch(/[.!?]\s/);
    expect(parsed.productDescription).not.toMatch(/Style:/);
  });

  it("is deterministic", () => {
    const request = {
      productPrompt: "matte black noise cancelling headphones",
      styleKeywords: ["dark"],
      numViews: 7,
    };
    expect(parseProductPrompt(request)).toEqual(parseProductPrompt(request));
  });
});

describe("createLocalPromptParser", () => {
  it("reports a free call under its model id", async () => {
    const parser = createLocalPromptParser();
    const call = await parser.parse({
      productPrompt: "cherry soda can",
      styleKeywords: [],
      numViews: 5,
    });
    expect(parser.id).toBe(LOCAL_PROMPT_PARSER_ID);
    expect(call.model).toBe(LOCAL_PROMPT_PARSER_ID);
    expect(call.costUsd).toBe(0);
    expect(call.output.views).toHaveLength(5);
  });

  it("refuses bad input with a non-retryable model error", async () => {
    const parser = createLocalPromptParser();
    for (const request of [
      { productPrompt: "ab", styleKeywords: [], numViews: 6 },
      { productPrompt: "x".repeat(201), styleKeywords: [], numViews: 6 },
      { productPrompt: "shoe", styleKeywords: [], numViews: 9 },
    ]) {
      const error = await parser.parse(request).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ModelCallError);
      expect((error as ModelCallError).details.retryable).toBe(false);
    }
  });
});
