import { createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import { css, hexToRgb, mix, type Rgb, shade, WHITE } from "./colour";
import { drawSolidSection } from "./lathe";
import { between } from "./random";
import { type StagePalette } from "./stage";

export interface SetLayout {
  width: number;
  height: number;
  horizon: number;
  /** Product base centre and width in pixels: the pedestal goes under it. */
  productX: number;
  productBaseY: number;
  productWidth: number;
}

/** The lifestyle set behind the product: a tabletop edge, a plant, a pedestal. */
export function drawLifestyleSet(
  ctx: SKRSContext2D,
  stage: StagePalette,
  layout: SetLayout,
  random: () => number,
): void {
  const { width, height } = layout;
  // The tabletop's front edge, a little darker, across the bottom of the frame.
  const edgeY = height * 0.9;
  const table = ctx.createLinearGradient(0, edgeY, 0, height);
  table.addColorStop(0, css(shade(stage.prop, 0.82)));
  table.addColorStop(1, css(shade(stage.prop, 0.62)));
  ctx.fillStyle = table;
  ctx.fillRect(0, edgeY, width, height - edgeY);
  ctx.fillStyle = css(mix(stage.prop, WHITE, 0.35), 0.7);
  ctx.fillRect(0, edgeY - 1, width, 2);

  drawPlant(ctx, layout, random);
  drawPedestal(ctx, stage, layout);
  drawSphere(ctx, stage, layout);
}

function drawPedestal(ctx: SKRSContext2D, stage: StagePalette, layout: SetLayout): void {
  const radius = layout.productWidth * 0.68;
  const tall = layout.height * 0.09;
  const floorY = layout.productBaseY + tall;
  const shadow = ctx.createRadialGradient(0, 0, 0, 0, 0, radius * 1.25);
  shadow.addColorStop(0, `rgba(0,0,0,${stage.shadow * 0.7})`);
  shadow.addColorStop(1, "rgba(0,0,0,0)");
  ctx.save();
  ctx.translate(layout.productX + radius * 0.08, floorY + 4);
  ctx.scale(1, 0.22);
  ctx.fillStyle = shadow;
  ctx.fillRect(-radius * 1.3, -radius * 1.3, radius * 2.6, radius * 2.6);
  ctx.restore();
  ctx.save();
  ctx.translate(layout.productX, floorY);
  ctx.scale(radius, radius);
  const pedestalColour = mix(stage.prop, WHITE, 0.25);
  drawSolidSection(
    ctx,
    { pitch: 0.2, yaw: 0 },
    {
      profile: [
        [0, 1],
        [tall / radius, 1],
      ],
      colour: pedestalColour,
      finish: "ceramic",
      topColour: mix(pedestalColour, WHITE, 0.15),
    },
  );
  ctx.restore();
}

function drawSphere(ctx: SKRSContext2D, stage: StagePalette, layout: SetLayout): void {
  const r = layout.width * 0.045;
  const x = Math.min(layout.productX + layout.productWidth * 0.95 + r, layout.width * 0.88);
  const y = layout.height * 0.86 - r;
  const ball = ctx.createRadialGradient(x - r * 0.4, y - r * 0.4, r * 0.1, x, y, r);
  ball.addColorStop(0, css(mix(stage.prop, WHITE, 0.55)));
  ball.addColorStop(1, css(shade(stage.prop, 0.7)));
  ctx.fillStyle = "rgba(0,0,0,0.22)";
  ctx.beginPath();
  ctx.ellipse(x + r * 0.2, y + r * 0.95, r * 1.05, r * 0.22, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = ball;
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fill();
}

/** A potted plant on the left, softly out of focus: it sets the scene without competing. */
function drawPlant(ctx: SKRSContext2D, layout: SetLayout, random: () => number): void {
  const layer = createCanvas(layout.width, layout.height);
  const p = layer.getContext("2d");
  const potX = layout.width * 0.15;
  const potTop = layout.height * 0.7;
  const potWidth = layout.width * 0.08;
  const leaf: Rgb = hexToRgb("#3F6B45");
  for (let i = 0; i < 7; i += 1) {
    const angle = -Math.PI / 2 + between(random, -0.9, 0.9);
    const length = layout.height * between(random, 0.14, 0.25);
    const tipX = potX + Math.cos(angle) * length;
    const tipY = potTop + Math.sin(angle) * length;
    p.strokeStyle = css(shade(leaf, 0.7));
    p.lineWidth = 4;
    p.beginPath();
    p.moveTo(potX, potTop);
    p.quadraticCurveTo(potX + (tipX - potX) * 0.3, tipY + (potTop - tipY) * 0.4, tipX, tipY);
    p.stroke();
    p.save();
    p.translate(tipX, tipY);
    p.rotate(angle + Math.PI / 2);
    const blade = p.createLinearGradient(-40, 0, 40, 0);
    blade.addColorStop(0, css(shade(leaf, 0.7)));
    blade.addColorStop(0.5, css(shade(leaf, 1.15)));
    blade.addColorStop(1, css(shade(leaf, 0.6)));
    p.fillStyle = blade;
    p.beginPath();
    p.ellipse(0, 0, layout.width * 0.034, layout.height * 0.055, 0, 0, Math.PI * 2);
    p.fill();
    p.restore();
  }
  const pot = p.createLinearGradient(potX - potWidth / 2, 0, potX + potWidth / 2, 0);
  pot.addColorStop(0, "#B9AFA3");
  pot.addColorStop(0.35, "#EFE9E1");
  pot.addColorStop(1, "#A59B8F");
  p.fillStyle = pot;
  p.beginPath();
  p.moveTo(potX - potWidth / 2, potTop);
  p.lineTo(potX + potWidth / 2, potTop);
  p.lineTo(potX + potWidth * 0.4, layout.height * 0.8);
  p.lineTo(potX - potWidth * 0.4, layout.height * 0.8);
  p.closePath();
  p.fill();
  ctx.save();
  ctx.filter = "blur(5px)";
  ctx.drawImage(layer, 0, 0);
  ctx.restore();
}
