import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { ASPECT_RATIOS, MUSIC_GENRES, OVERLAY_FONTS } from "./enums";
import {
  composeFinalVideoInput,
  generateClipsInput,
  generateImagesInput,
  saveApprovedClipsInput,
  saveApprovedImagesInput,
} from "./generation";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const sessionId = id(0);

/** zod's message for a value outside an enum, e.g. `expected one of "a"|"b"`. */
const oneOf = (values: readonly string[]) =>
  `Invalid option: expected one of ${values.map((v) => JSON.stringify(v)).join("|")}`;

/** The field errors a schema reports, keyed by dotted path. */
function errorsOf(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues)
    (errors[issue.path.join(".")] ??= []).push(issue.message);
  return errors;
}

describe("generateImagesInput", () => {
  const base = { sessionId, productPrompt: "Red leather sneaker" };
  it("applies the defaults", () => {
    expect(generateImagesInput.parse(base)).toMatchObject({ numImages: 6, styleKeywords: [] });
  });
  it.each([
    [{ productPrompt: "ab" }, "productPrompt", "Product description must be at least 3 characters"],
    [
      { productPrompt: "   ab   " },
      "productPrompt",
      "Product description must be at least 3 characters",
    ],
    [
      { productPrompt: "x".repeat(201) },
      "productPrompt",
      "Product description must be at most 200 characters",
    ],
    [{ numImages: 3 }, "numImages", "Generate at least 4 images"],
    [{ numImages: 9 }, "numImages", "Generate at most 8 images"],
    [{ numImages: 5.5 }, "numImages", "Number of images must be a whole number"],
    [
      { styleKeywords: Array.from({ length: 11 }, (_, i) => `k${i}`) },
      "styleKeywords",
      "At most 10 style keywords",
    ],
    [
      { styleKeywords: ["x".repeat(31)] },
      "styleKeywords.0",
      "A style keyword must be at most 30 characters",
    ],
    [{ sessionId: "nope" }, "sessionId", "Must be a valid id"],
  ])("rejects %j on %s", (patch, field, message) => {
    expect(errorsOf(generateImagesInput, { ...base, ...patch })).toEqual({ [field]: [message] });
  });
  it("accepts the edges", () => {
    expect(
      generateImagesInput.safeParse({ ...base, productPrompt: "abc", numImages: 4 }).success,
    ).toBe(true);
    expect(
      generateImagesInput.safeParse({ ...base, productPrompt: "x".repeat(200), numImages: 8 })
        .success,
    ).toBe(true);
  });
});

describe("saveApprovedImagesInput", () => {
  it("needs at least two distinct images", () => {
    expect(
      errorsOf(saveApprovedImagesInput, { sessionId, approvedImageIds: [id(1)] })
        .approvedImageIds?.[0],
    ).toBe("Approve at least 2 images");
    expect(
      errorsOf(saveApprovedImagesInput, { sessionId, approvedImageIds: [id(1), id(1)] })
        .approvedImageIds?.[0],
    ).toBe("An image is listed twice");
    expect(
      saveApprovedImagesInput.safeParse({ sessionId, approvedImageIds: [id(1), id(2)] }).success,
    ).toBe(true);
  });
});

describe("generateClipsInput", () => {
  const base = { sessionId, videoPrompt: "Slow orbit on a marble table" };
  it("defaults to 3 s clips", () => {
    expect(generateClipsInput.parse(base).clipDuration).toBe(3);
  });
  it.each([
    [
      { videoPrompt: "too short" },
      "videoPrompt",
      "Video description must be at least 10 characters",
    ],
    [
      { videoPrompt: "x".repeat(301) },
      "videoPrompt",
      "Video description must be at most 300 characters",
    ],
    [{ clipDuration: 1.9 }, "clipDuration", "Clips must be at least 2 seconds"],
    [{ clipDuration: 4.1 }, "clipDuration", "Clips must be at most 4 seconds"],
  ])("rejects %j on %s", (patch, field, message) => {
    expect(errorsOf(generateClipsInput, { ...base, ...patch })).toEqual({ [field]: [message] });
  });
});

describe("saveApprovedClipsInput", () => {
  it("needs the order to list each approved clip once", () => {
    expect(
      errorsOf(saveApprovedClipsInput, {
        sessionId,
        approvedClipIds: [id(1), id(2)],
        clipOrder: [id(2)],
      }).clipOrder?.[0],
    ).toMatch(/exactly once/);
    expect(
      saveApprovedClipsInput.safeParse({
        sessionId,
        approvedClipIds: [id(1), id(2)],
        clipOrder: [id(2), id(1)],
      }).success,
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
  const overlay = (patch: Record<string, string>) => ({
    textOverlay: { productName: "A", cta: "Go", ...patch },
  });
  it.each([
    [
      overlay({ productName: "" }),
      "textOverlay.productName",
      "Product name must be at least 1 characters",
    ],
    [
      overlay({ productName: "x".repeat(51) }),
      "textOverlay.productName",
      "Product name must be at most 50 characters",
    ],
    [
      overlay({ cta: "x".repeat(31) }),
      "textOverlay.cta",
      "Call to action must be at most 30 characters",
    ],
    [overlay({ font: "comic-sans" }), "textOverlay.font", oneOf(OVERLAY_FONTS)],
    [overlay({ color: "red" }), "textOverlay.color", "Colour must look like #RRGGBB"],
    [overlay({ color: "#FFF" }), "textOverlay.color", "Colour must look like #RRGGBB"],
    [{ audio: { enabled: true, genre: "polka" } }, "audio.genre", oneOf(MUSIC_GENRES)],
    [{ introDuration: 0.4 }, "introDuration", "Intro must be at least 0.5 seconds"],
    [{ outroDuration: 3.5 }, "outroDuration", "Outro must be at most 3 seconds"],
    [{ aspectRatio: "4:3" }, "aspectRatio", oneOf(ASPECT_RATIOS)],
  ])("rejects %j on %s", (patch, field, message) => {
    expect(errorsOf(composeFinalVideoInput, { ...base, ...patch })).toEqual({
      [field]: [message],
    });
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
