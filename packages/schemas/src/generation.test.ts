import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  composeFinalVideoInput,
  generateClipsInput,
  generateImagesInput,
  saveApprovedClipsInput,
  saveApprovedImagesInput,
} from "./generation";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const sessionId = id(0);

/** The field errors a schema reports, keyed by dotted path. */
function errorsOf(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (errors[issue.path.join(".")] ??= []).push(issue.message);
  return errors;
}

describe("generateImagesInput", () => {
  const base = { sessionId, productPrompt: "Red leather sneaker" };
  it("applies the defaults", () => {
    expect(generateImagesInput.parse(base)).toMatchObject({ numImages: 6, styleKeywords: [] });
  });
  it.each([
    [{ productPrompt: "ab" }, "productPrompt", "at least 3"],
    [{ productPrompt: "   ab   " }, "productPrompt", "at least 3"],
    [{ productPrompt: "x".repeat(201) }, "productPrompt", "at most 200"],
    [{ numImages: 3 }, "numImages", "at least 4"],
    [{ numImages: 9 }, "numImages", "at most 8"],
    [{ numImages: 5.5 }, "numImages", "whole number"],
    [{ styleKeywords: Array.from({ length: 11 }, (_, i) => `k${i}`) }, "styleKeywords", "At most 10"],
    [{ styleKeywords: ["x".repeat(31)] }, "styleKeywords.0", "at most 30"],
    [{ sessionId: "nope" }, "sessionId", "valid id"],
  ])("rejects %j on %s", (patch, field, message) => {
    expect(errorsOf(generateImagesInput, { ...base, ...patch })[field]?.join()).toContain(message);
  });
  it("accepts the edges", () => {
    expect(generateImagesInput.safeParse({ ...base, productPrompt: "abc", numImages: 4 }).success).toBe(true);
    expect(generateImagesInput.safeParse({ ...base, productPrompt: "x".repeat(200), numImages: 8 }).success).toBe(true);
  });
});

describe("saveApprovedImagesInput", () => {
  it("needs at least two distinct images", () => {
    expect(errorsOf(saveApprovedImagesInput, { sessionId, approvedImageIds: [id(1)] }).approvedImageIds?.[0]).toBe(
      "Approve at least 2 images",
    );
    expect(errorsOf(saveApprovedImagesInput, { sessionId, approvedImageIds: [id(1), id(1)] }).approvedImageIds?.[0]).toBe(
      "An image is listed twice",
    );
    expect(saveApprovedImagesInput.safeParse({ sessionId, approvedImageIds: [id(1), id(2)] }).success).toBe(true);
  });
});

describe("generateClipsInput", () => {
  const base = { sessionId, videoPrompt: "Slow orbit on a marble table" };
  it("defaults to 3 s clips", () => {
    expect(generateClipsInput.parse(base).clipDuration).toBe(3);
  });
  it.each([
    [{ videoPrompt: "too short" }, "videoPrompt", "at least 10"],
    [{ videoPrompt: "x".repeat(301) }, "videoPrompt", "at most 300"],
    [{ clipDuration: 1.9 }, "clipDuration", "at least 2"],
    [{ clipDuration: 4.1 }, "clipDuration", "at most 4"],
  ])("rejects %j on %s", (patch, field, message) => {
    expect(errorsOf(generateClipsInput, { ...base, ...patch })[field]?.join()).toContain(message);
  });
});

describe("saveApprovedClipsInput", () => {
  it("needs the order to list each approved clip once", () => {
    expect(
      errorsOf(saveApprovedClipsInput, { sessionId, approvedClipIds: [id(1), id(2)], clipOrder: [id(2)] }).clipOrder?.[0],
    ).toMatch(/exactly once/);
    expect(
      saveApprovedClipsInput.safeParse({ sessionId, approvedClipIds: [id(1), id(2)], clipOrder: [id(2), id(1)] }).success,
    ).toBe(true);
  });
});

describe("composeFinalVideoInput", () => {
  const base = { sessionId, textOverlay: { productName: "Aero", cta: "Shop now" } };
  it("applies the defaults", () => {
    expect(composeFinalVideoInput.parse(base)).toMatchObject({
      textOverlay: { font: "montserrat", color: "#FFFFFF" },
      audio: { enabled: false, genre: "upbeat" },
      introDuration: 1,
      outroDuration: 1,
      aspectRatio: "16:9",
    });
  });
  it.each([
    [{ textOverlay: { productName: "", cta: "Go" } }, "textOverlay.productName", "at least 1"],
    [{ textOverlay: { productName: "x".repeat(51), cta: "Go" } }, "textOverlay.productName", "at most 50"],
    [{ textOverlay: { productName: "A", cta: "x".repeat(31) } }, "textOverlay.cta", "at most 30"],
    [{ textOverlay: { productName: "A", cta: "Go", font: "comic-sans" } }, "textOverlay.font", ""],
    [{ textOverlay: { productName: "A", cta: "Go", color: "red" } }, "textOverlay.color", "#RRGGBB"],
    [{ textOverlay: { productName: "A", cta: "Go", color: "#FFF" } }, "textOverlay.color", "#RRGGBB"],
    [{ audio: { enabled: true, genre: "polka" } }, "audio.genre", ""],
    [{ introDuration: 0.4 }, "introDuration", "at least 0.5"],
    [{ outroDuration: 3.5 }, "outroDuration", "at most 3"],
    [{ aspectRatio: "4:3" }, "aspectRatio", ""],
  ])("rejects %j on %s", (patch, field, message) => {
    const errors = errorsOf(composeFinalVideoInput, { ...base, ...patch });
    expect(errors[field]).toBeDefined();
    expect(errors[field]?.join()).toContain(message);
  });
});

describe("formatUsd", () => {
  it("shows cents, and more digits only when cents would hide the amount", async () => {
    const { formatUsd } = await import("./money");
    expect(formatUsd(0)).toBe("$0.00");
    expect(formatUsd(10)).toBe("$10.00");
    expect(formatUsd(0.013)).toBe("$0.013");
    expect(formatUsd(0.0042)).toBe("$0.0042");
  });
});
