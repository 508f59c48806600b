import { createCanvas, loadImage } from "@napi-rs/canvas";
import { renderTextImage, type TextImage } from "@adgen/media";
import type { OverlayFont } from "@adgen/schemas";
import { safeArea, type FrameSize } from "./output-format";
import { isDarkText } from "./text-tone";

export interface TextPng {
  png: Buffer;
  width: number;
  height: number;
}

export interface CardTextInput {
  font: OverlayFont;
  color: string;
  size: FrameSize;
}

/** The intro card's product name: large, centred, wrapped to at most three lines. */
export async function renderIntroText(
  productName: string,
  input: CardTextInput,
): Promise<TextImage> {
  const safe = safeArea(input.size);
  const short = Math.min(input.size.width, input.size.height);
  return renderTextImage({
    text: productName,
    font: input.font,
    color: input.color,
    maxWidth: safe.width,
    maxHeight: Math.round(short * 0.45),
    maxFontSize: Math.round(short * 0.12),
    maxLines: 3,
  });
}

/**
 * The outro card: the product name, smaller, above the call to action drawn as a button
 * (an outline in the user's colour over a translucent fill), composed into one image.
 */
export async function renderOutroText(
  productName: string,
  cta: string,
  input: CardTextInput,
): Promise<TextPng> {
  const safe = safeArea(input.size);
  const short = Math.min(input.size.width, input.size.height);
  const pad = Math.round(short * 0.03);
  const [name, action] = await Promise.all([
    renderTextImage({
      text: productName,
      font: input.font,
      color: input.color,
      maxWidth: safe.width,
      maxHeight: Math.round(short * 0.16),
      maxFontSize: Math.round(short * 0.06),
      maxLines: 2,
    }),
    renderTextImage({
      text: cta,
      font: input.font,
      color: input.color,
      maxWidth: Math.round(safe.width * 0.9) - 2 * pad,
      maxHeight: Math.round(short * 0.26),
      maxFontSize: Math.round(short * 0.095),
      maxLines: 2,
    }),
  ]);
  const gap = Math.round(short * 0.03);
  const buttonWidth = action.width + 2 * pad;
  const buttonHeight = action.height + 2 * pad;
  const width = Math.max(name.width, buttonWidth) + 8;
  const height = name.height + gap + buttonHeight + 8;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(await loadImage(name.png), (width - name.width) / 2, 0);

  const buttonX = (width - buttonWidth) / 2;
  const buttonY = name.height + gap;
  const radius = Math.min(buttonHeight / 2, short * 0.04);
  ctx.beginPath();
  ctx.roundRect(buttonX, buttonY, buttonWidth, buttonHeight, radius);
  ctx.fillStyle = isDarkText(input.color) ? "rgba(255,255,255,0.55)" : "rgba(0,0,0,0.35)";
  ctx.fill();
  ctx.lineWidth = Math.max(3, Math.round(short * 0.005));
  ctx.strokeStyle = input.color;
  ctx.stroke();
  ctx.drawImage(await loadImage(action.png), buttonX + pad, buttonY + pad);
  return { png: await canvas.encode("png"), width, height };
}
