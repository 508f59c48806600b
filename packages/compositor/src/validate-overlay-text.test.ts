import { describe, expect, it } from "vitest";
import { validateOverlayText } from "./validate-overlay-text";

describe("validateOverlayText", () => {
  it.each([
    `It's "50%" off: C:\\deals\\ [x]; a,b {y} %{localtime} 100%`,
    "Wireless earbuds 🎧",
    "ソニー ワイヤレスヘッドホン",
    "عرض خاص ٥٠٪",
    "Crème brûlée — Ørsted №1",
  ])("accepts %s in every font", (text) => {
    for (const font of ["montserrat", "poppins", "bebas-neue", "anton"] as const) {
      expect(validateOverlayText({ productName: text, cta: "Shop now", font })).toEqual({
        ok: true,
      });
    }
  });

  it("names the field and the characters no bundled font can draw", () => {
    const result = validateOverlayText({
      productName: "Aurora",
      cta: "Buy 𒀀 now",
      font: "montserrat",
    });
    expect(result).toMatchObject({ ok: false, field: "cta" });
    if (!result.ok) expect(result.message).toContain("𒀀");
  });

  it("refuses text that is empty once control characters are dropped", () => {
    expect(
      validateOverlayText({ productName: "\u0007\u0008", cta: "Go", font: "anton" }),
    ).toMatchObject({
      ok: false,
      field: "productName",
    });
  });
});
