import { type SKRSContext2D } from "@napi-rs/canvas";
import { type ProductCategory } from "@adgen/agents";
import { css, hexToRgb, type Rgb, shade } from "./colour";
import { type ProductDrawing } from "./painter";

/** Skin tones for hands and wrists; the batch's seed picks one, so a batch stays consistent. */
const SKIN = ["#8D5524", "#C68642", "#E0AC69", "#F1C27D", "#FFDBAC", "#6B4226"].map(hexToRgb);

export function skinTone(seed: number): Rgb {
  return SKIN[seed % SKIN.length]!;
}

function limb(
  ctx: SKRSContext2D,
  from: [number, number],
  to: [number, number],
  width: number,
  skin: Rgb,
): void {
  const angle = Math.atan2(to[1] - from[1], to[0] - from[0]);
  const nx = -Math.sin(angle) * width;
  const ny = Math.cos(angle) * width;
  const gradient = ctx.createLinearGradient(from[0] + nx, from[1] + ny, from[0] - nx, from[1] - ny);
  gradient.addColorStop(0, css(shade(skin, 0.7)));
  gradient.addColorStop(0.45, css(shade(skin, 1.08)));
  gradient.addColorStop(1, css(shade(skin, 0.65)));
  ctx.strokeStyle = gradient;
  ctx.lineWidth = width * 2;
  ctx.lineCap = "round";
  ctx.beginPath();
  ctx.moveTo(...from);
  ctx.lineTo(...to);
  ctx.stroke();
}

/** What appears behind the product in an in-use shot: an arm, a wrist, a head, a leg. Units as the product's. */
export function drawUseBehind(
  ctx: SKRSContext2D,
  category: ProductCategory,
  drawing: ProductDrawing,
  skin: Rgb,
): void {
  const { right, height } = drawing;
  switch (category) {
    case "watch":
      limb(ctx, [0, 0.6], [0, -1.6], 0.14, skin);
      return;
    case "headphones": {
      // A matte display bust, as headphones are shown on in shops.
      const bust = ctx.createRadialGradient(-0.1, -0.6, 0.05, 0, -0.4, 0.5);
      bust.addColorStop(0, "#E4E1DC");
      bust.addColorStop(1, "#8E8A84");
      ctx.fillStyle = bust;
      ctx.beginPath();
      ctx.ellipse(0, -0.5, 0.31, 0.4, 0, 0, Math.PI * 2);
      ctx.fill();
      ctx.beginPath();
      ctx.roundRect(-0.13, -0.25, 0.26, 0.25, 0.04);
      ctx.fill();
      return;
    }
    case "shoe": {
      const trouser = hexToRgb("#2F3A4A");
      limb(ctx, [0.22, -0.3], [0.5, -1.4], 0.12, trouser);
      return;
    }
    default:
      limb(
        ctx,
        [right * 0.7, -height * 0.42],
        [right * 2.6, height * 0.9],
        Math.max(0.07, height * 0.11),
        skin,
      );
      ctx.fillStyle = css(shade(skin, 0.85));
      ctx.beginPath();
      ctx.ellipse(
        right * 0.85,
        -height * 0.44,
        Math.max(0.08, height * 0.12),
        height * 0.2,
        0,
        0,
        Math.PI * 2,
      );
      ctx.fill();
  }
}

/** Fingers wrapped round the front of a hand-held product, and a thumb. */
export function drawUseFront(
  ctx: SKRSContext2D,
  category: ProductCategory,
  drawing: ProductDrawing,
  skin: Rgb,
): void {
  if (category === "watch" || category === "headphones") return;
  if (category === "shoe") {
    // Speed lines behind the heel read as a step in motion.
    ctx.strokeStyle = "rgba(255,255,255,0.55)";
    ctx.lineCap = "round";
    for (let i = 0; i < 3; i += 1) {
      ctx.lineWidth = 0.012;
      ctx.beginPath();
      ctx.moveTo(0.58 + i * 0.04, -0.12 - i * 0.07);
      ctx.lineTo(0.78 + i * 0.06, -0.12 - i * 0.07);
      ctx.stroke();
    }
    return;
  }
  const { left, right, height } = drawing;
  const finger = Math.max(0.03, height * 0.055);
  const gripY = -height * 0.42;
  for (let i = 0; i < 4; i += 1) {
    const y = gripY - finger * 1.5 + i * finger * 2.05;
    const reach = -left * (0.35 - i * 0.06);
    limb(ctx, [right * 0.95, y], [reach, y + finger * 0.3], finger, skin);
    ctx.fillStyle = css(shade(skin, 1.2), 0.55);
    ctx.beginPath();
    ctx.ellipse(
      reach - finger * 0.2,
      y + finger * 0.25,
      finger * 0.45,
      finger * 0.55,
      0,
      0,
      Math.PI * 2,
    );
    ctx.fill();
  }
  limb(
    ctx,
    [right * 0.9, gripY - finger * 3],
    [-left * 0.1, gripY - finger * 5.5],
    finger * 1.1,
    shade(skin, 0.95),
  );
}
