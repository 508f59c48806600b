import { describe, expect, it } from "vitest";
import { detectCategory, detectColours, detectMaterials, detectMoods } from "./product-traits";
import { findTerms, normaliseText } from "./text-match";
import { colourTable } from "./colour-table";

describe("detectCategory", () => {
  it.each([
    ["Red running shoe with white sole", "shoe"],
    ["white leather sneakers", "shoe"],
    ["lightweight trainer for marathon runners", "shoe"],
    ["Chelsea boots in suede", "shoe"],
    ["rose gold smartwatch with a leather strap", "watch"],
    ["luxury perfume", "bottle"],
    ["vitamin C serum", "bottle"],
    ["insulated water bottle", "bottle"],
    ["lavender scented candle in a frosted glass jar", "jar"],
    ["night cream", "jar"],
    ["navy gift box with gold ribbon", "box"],
    ["cherry soda", "can"],
    ["canvas tote for the beach", "bag"],
    ["hiking backpack", "bag"],
    ["wireless earbuds", "headphones"],
    ["noise cancelling headphones", "headphones"],
    ["flagship smartphone", "phone"],
    ["bluetooth speaker", "generic"],
  ])("%s → %s", (prompt, category) => {
    expect(detectCategory(prompt)).toBe(category);
  });

  it("lets a named container win over a hint word", () => {
    expect(detectCategory("perfume gift box")).toBe("box");
    expect(detectCategory("beer can")).toBe("can");
    expect(detectCategory("soda in a glass bottle")).toBe("bottle");
  });

  it("matches whole words only", () => {
    expect(detectCategory("canvas pouch")).toBe("generic");
    expect(detectCategory("scanner")).toBe("generic");
  });
});

describe("detectColours", () => {
  it("prefers multi-word colours and keeps their order", () => {
    expect(
      detectColours("rose gold case, navy blue strap and matte black buckle").map((c) => c.name),
    ).toEqual(["rose gold", "navy", "matte black"]);
  });

  it("reads spelling variants and hyphens", () => {
    expect(detectColours("Space-Gray phone, light gray case").map((c) => c.name)).toEqual([
      "space grey",
      "light grey",
    ]);
    expect(detectColours("off-white sneakers").map((c) => c.hex)).toEqual(["#ECE6D9"]);
  });

  it("has a table of at least forty colours with valid hex values", () => {
    const names = new Set(colourTable.terms.map((term) => term.entry.name));
    expect(names.size).toBeGreaterThanOrEqual(40);
    for (const term of colourTable.terms) expect(term.entry.hex).toMatch(/^#[0-9A-F]{6}$/);
  });

  it("finds nothing in a colourless prompt", () => {
    expect(detectColours("a shoe for running")).toEqual([]);
  });
});

describe("detectMaterials and moods", () => {
  it("maps synonyms to one material", () => {
    expect(
      detectMaterials("brushed aluminum body with stainless steel buttons").map((m) => m.name),
    ).toEqual(["aluminium", "steel"]);
    expect(detectMaterials("walnut and porcelain").map((m) => [m.name, m.finish])).toEqual([
      ["wood", "wood"],
      ["ceramic", "ceramic"],
    ]);
    expect(detectMaterials("a glossy case with matte buttons").map((m) => m.name)).toEqual([
      "gloss",
      "matte",
    ]);
  });

  it("reads style moods", () => {
    expect(detectMoods("minimalist, high-end and moody")).toEqual(["minimal", "luxury", "dark"]);
  });

  it("normalises punctuation, accents and case", () => {
    expect(normaliseText("  Crème-Brûlée  JAR!! ")).toBe("creme brulee jar");
    expect(findTerms("red, RED and reds", colourTable).length).toBe(3);
  });
});
