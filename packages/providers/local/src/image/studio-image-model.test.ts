import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ModelCallError } from "@adgen/agents";
import { parseProductPrompt } from "../parser/rule-parser";
import { hexToRgb, rgbToHsl } from "./colour";
import { createLocalImageModel, LOCAL_IMAGE_MODEL_ID } from "./index";
import {
  borderLightness,
  decodePng,
  hueMask,
  meanDifference,
  overlap,
  type Pixels,
  share,
} from "./pixels.test-support";

const model = createLocalImageModel();

/** Renders a parsed batch the way the pipeline does: each view's prompt, the batch's seed. */
async function renderBatch(productPrompt: string, numViews: number, styleKeywords: string[] = []) {
  const parsed = parseProductPrompt({ productPrompt, styleKeywords, numViews });
  const images: { viewType: string; bytes: Buffer; pixels: Pixels }[] = [];
  for (const view of parsed.views) {
    const call = await model.generate({
      ...view,
      seed: parsed.consistencySeed,
      width: 1024,
      height: 1024,
    });
    images.push({
      viewType: view.viewType,
      bytes: call.output.bytes,
      pixels: await decodePng(call.output.bytes),
    });
  }
  return { parsed, images };
}

const hueOf = (hex: string) => rgbToHsl(hexToRgb(hex)).h;

describe("local studio image model", () => {
  it("renders the same PNG bytes for the same request, 1024×1024, free", async () => {
    const request = {
      prompt: parseProductPrompt({
        productPrompt: "amber glass serum bottle",
        styleKeywords: [],
        numViews: 4,
      }).views[0]!.prompt,
      negativePrompt: "blurry",
      viewType: "front" as const,
      seed: 42,
      width: 1024,
      height: 1024,
    };
    const first = await model.generate(request);
    const second = await model.generate(request);
    expect(first.output.bytes.equals(second.output.bytes)).toBe(true);
    expect(first.output.bytes.subarray(1, 4).toString()).toBe("PNG");
    expect(first.output).toMatchObject({ contentType: "image/png", width: 1024, height: 1024 });
    expect(first).toMatchObject({ costUsd: 0, model: LOCAL_IMAGE_MODEL_ID });
    const pixels = await decodePng(first.output.bytes);
    expect([pixels.width, pixels.height]).toEqual([1024, 1024]);
  });

  it("shows one product across a batch: its colours in every view, a different picture per view", async () => {
    const { parsed, images } = await renderBatch("Red running shoe with white sole", 6);
    const red = hueOf(parsed.colors[0]!.hex);
    const masks = images.map((image) => hueMask(image.pixels, red));
    for (const mask of masks) expect(share(mask)).toBeGreaterThan(0.02);
    expect(
      new Set(images.map((image) => createHash("sha256").update(image.bytes).digest("hex"))).size,
    ).toBe(6);
    for (let i = 0; i < images.length; i += 1) {
      for (let j = i + 1; j < images.length; j += 1) {
        expect(meanDifference(images[i]!.pixels, images[j]!.pixels)).toBeGreaterThan(2);
      }
    }
    // The same product in blue carries no red at all: the colour comes from the prompt.
    const blue = await renderBatch("Blue running shoe with white sole", 4);
    for (const image of blue.images) {
      expect(share(hueMask(image.pixels, red))).toBeLessThan(0.002);
      expect(share(hueMask(image.pixels, hueOf(blue.parsed.colors[0]!.hex)))).toBeGreaterThan(0.02);
    }
  });

  it("draws a different shape for each category in the same colour", async () => {
    const shapes = [];
    for (const product of [
      "red sneaker",
      "red perfume bottle",
      "red gift box",
      "red leather handbag",
      "red headphones",
    ]) {
      const parsed = parseProductPrompt({ productPrompt: product, styleKeywords: [], numViews: 4 });
      const front = parsed.views[0]!;
      const call = await model.generate({
        ...front,
        seed: parsed.consistencySeed,
        width: 1024,
        height: 1024,
      });
      shapes.push(hueMask(await decodePng(call.output.bytes), hueOf(parsed.colors[0]!.hex)));
    }
    for (let i = 0; i < shapes.length; i += 1) {
      expect(share(shapes[i]!)).toBeGreaterThan(0.02);
      for (let j = i + 1; j < shapes.length; j += 1)
        expect(overlap(shapes[i]!, shapes[j]!)).toBeLessThan(0.75);
    }
  });

  it("lets style words set the scene: dark sets are dark, minimal ones light", async () => {
    const front = async (style: string) => {
      const parsed = parseProductPrompt({
        productPrompt: "white ceramic jar",
        styleKeywords: [style],
        numViews: 4,
      });
      const call = await model.generate({
        ...parsed.views[0]!,
        seed: parsed.consistencySeed,
        width: 1024,
        height: 1024,
      });
      return decodePng(call.output.bytes);
    };
    expect(borderLightness(await front("dark"))).toBeLessThan(0.2);
    expect(borderLightness(await front("minimal"))).toBeGreaterThan(0.6);
  });

  it("refuses a malformed request with a model error", async () => {
    const error = await model
      .generate({
        prompt: "",
        negativePrompt: "",
        viewType: "front",
        seed: 1,
        width: 1024,
        height: 1024,
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ModelCallError);
  });
});
