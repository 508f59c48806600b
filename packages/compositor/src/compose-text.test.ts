import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { normalizeOverlayText } from "@adgen/media";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClipAnalysis } from "@adgen/agents";
import { renderIntroText } from "./card-text";
import {
  countNear,
  frameAt,
  makeTestClip,
  makeTestStill,
  type RgbFrame,
} from "./compose.test-support";
import { composeAd, planTimeline, type ComposeInput } from "./index";
import { even, outputSize } from "./output-format";

const MAGENTA = [255, 0, 255];
const INK_TOLERANCE = 100;
const SIZE = outputSize("1:1");
const FULL = { x: 0, y: 0, w: 1, h: 1 };

/** The product sits in the lower part of the clip; the analyst says the top is quiet. */
const ANALYSIS: ClipAnalysis = {
  durationSec: 2,
  quietRegion: "top",
  seconds: [0, 1].map((t) => ({
    t,
    motion: 0,
    brightness: 0.4,
    dominantColor: "#505A64",
    productBox: { x: 0.3, y: 0.6, w: 0.4, h: 0.4 },
  })),
};

const CASES = [
  {
    label: "escaping",
    productName: `It's "50%" off: C:\\deals\\ [x]; a,b {y} %{localtime} 100%`,
    cta: "Shop now 🛒",
  },
  {
    label: "50 characters",
    productName: "Ultralight Carbon Trail Runner X9 — Limited Series",
    cta: "今すぐ購入",
  },
  {
    label: "Japanese and Arabic",
    productName: "ソニー ワイヤレスヘッドホン",
    cta: "اشترِ الآن ٥٠٪",
  },
];

let dir: string;
let base: Omit<ComposeInput, "productName" | "cta" | "outputFile">;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "compose-text-"));
  const clip = await makeTestClip(dir, {
    name: "bottom-product",
    width: 360,
    height: 360,
    fps: 30,
    seconds: 2,
    color: "0x505A64",
    productColor: "0xE0E0E0",
    productY: 1,
  });
  base = {
    clips: [{ file: clip, durationSec: 2, analysis: ANALYSIS }],
    stills: [await makeTestStill(dir, "still", "#203060", "#C08040")],
    font: "montserrat",
    color: "#FF00FF",
    introDurationSec: 1.5,
    outroDurationSec: 1.5,
    aspectRatio: "1:1",
    musicFile: null,
  };
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function inkMask(png: Buffer) {
  const image = await loadImage(png);
  const ctx = createCanvas(image.width, image.height).getContext("2d");
  ctx.drawImage(image, 0, 0);
  return {
    width: image.width,
    height: image.height,
    data: ctx.getImageData(0, 0, image.width, image.height).data,
  };
}

/** Share of the rendered glyphs' solid pixels that are text-coloured at the same place in the frame. */
async function glyphAgreement(frame: RgbFrame, png: Buffer) {
  const mask = await inkMask(png);
  const left = even((SIZE.width - mask.width) / 2);
  const top = even((SIZE.height - mask.height) / 2);
  let solid = 0;
  let matched = 0;
  for (let y = 0; y < mask.height; y += 1) {
    for (let x = 0; x < mask.width; x += 1) {
      const i = (y * mask.width + x) * 4;
      const isGlyph =
        (mask.data[i + 3] ?? 0) === 255 &&
        (mask.data[i] ?? 0) > 200 &&
        (mask.data[i + 1] ?? 255) < 60;
      if (!isGlyph) continue;
      solid += 1;
      const j = ((top + y) * frame.width + left + x) * 3;
      const pixel = [frame.data[j] ?? 0, frame.data[j + 1] ?? 0, frame.data[j + 2] ?? 0];
      if (Math.hypot(pixel[0]! - 255, pixel[1]! - 0, pixel[2]! - 255) < INK_TOLERANCE) matched += 1;
    }
  }
  return { solid, share: matched / Math.max(1, solid) };
}

describe.each(CASES)("text safety: $label", ({ productName, cta }) => {
  let output: string;

  beforeAll(async () => {
    output = path.join(dir, `${productName.length}-${cta.length}.mp4`);
    await composeAd({ ...base, productName, cta, outputFile: output });
  });

  it("draws the product name on the intro exactly as rendered, centred, nothing elsewhere", async () => {
    const frame = await frameAt(output, 0.8, SIZE.width, SIZE.height);
    const rendered = await renderIntroText(productName, {
      font: "montserrat",
      color: "#FF00FF",
      size: SIZE,
    });
    // Every character, in order, nothing ellipsized (CJK may wrap between characters).
    const squeeze = (text: string) => text.replace(/\s+/g, "");
    expect(squeeze(rendered.lines.join(""))).toBe(
      squeeze(normalizeOverlayText(productName, "montserrat")),
    );
    const agreement = await glyphAgreement(frame, rendered.png);
    expect(agreement.solid).toBeGreaterThan(500);
    expect(agreement.share).toBeGreaterThan(0.9);
    expect(countNear(frame, MAGENTA, INK_TOLERANCE, { x: 0, y: 0, w: 1, h: 0.2 })).toBe(0);
    expect(countNear(frame, MAGENTA, INK_TOLERANCE, { x: 0, y: 0.8, w: 1, h: 0.2 })).toBe(0);
  });

  it("puts the title in the quiet top third during the clip, away from the product", async () => {
    const slot = planTimeline(base).segments[1]!;
    const frame = await frameAt(
      output,
      slot.start + slot.duration / 2,
      SIZE.width / 2,
      SIZE.height / 2,
    );
    expect(
      countNear(frame, MAGENTA, INK_TOLERANCE, { x: 0, y: 0, w: 1, h: 1 / 3 }),
    ).toBeGreaterThan(200);
    expect(countNear(frame, MAGENTA, INK_TOLERANCE, { x: 0, y: 0.5, w: 1, h: 0.5 })).toBe(0);
  });

  it("shows the call to action on the outro", async () => {
    const total = planTimeline(base).totalDurationSec;
    const frame = await frameAt(output, total - 0.1, SIZE.width / 2, SIZE.height / 2);
    const centre = countNear(frame, MAGENTA, INK_TOLERANCE, { x: 0.05, y: 0.3, w: 0.9, h: 0.4 });
    expect(centre).toBeGreaterThan(200);
    expect(countNear(frame, MAGENTA, INK_TOLERANCE, FULL)).toBeLessThan(centre * 1.05);
  });
});
