import { type SKRSContext2D } from "@napi-rs/canvas";
import { css, mix, shade } from "./colour";
import { between } from "./random";
import { type StagePalette } from "./stage";

export interface BackdropLayout {
  width: number;
  height: number;
  /** Where wall meets floor; null for a top-down shot, where the camera sees only floor. */
  horizon: number | null;
  /** Where the product stands, for the floor's pool of light. */
  productX: number;
  productBaseY: number;
  productWidth: number;
}

/** A seamless paper sweep: wall and floor in one gradient, so no hard line where they meet. */
export function drawBackdrop(
  ctx: SKRSContext2D,
  stage: StagePalette,
  layout: BackdropLayout,
  random: () => number,
): void {
  const { width, height, horizon } = layout;
  if (horizon === null) {
    const floor = ctx.createRadialGradient(
      width * 0.45,
      height * 0.4,
      0,
      width * 0.5,
      height * 0.5,
      width * 0.85,
    );
    floor.addColorStop(0, css(mix(stage.floorFar, stage.wallTop, 0.5)));
    floor.addColorStop(1, css(stage.floorNear));
    ctx.fillStyle = floor;
    ctx.fillRect(0, 0, width, height);
  } else {
    const sweep = ctx.createLinearGradient(0, 0, 0, height);
    const h = horizon / height;
    sweep.addColorStop(0, css(stage.wallTop));
    sweep.addColorStop(Math.max(0.05, h - 0.08), css(stage.wallBottom));
    sweep.addColorStop(Math.min(0.95, h + 0.05), css(stage.floorFar));
    sweep.addColorStop(1, css(stage.floorNear));
    ctx.fillStyle = sweep;
    ctx.fillRect(0, 0, width, height);
  }
  drawMotif(ctx, stage, layout, random);
  drawKeyGlow(ctx, stage, layout);
}

function drawKeyGlow(ctx: SKRSContext2D, stage: StagePalette, layout: BackdropLayout): void {
  const { width, height } = layout;
  const glow = ctx.createRadialGradient(
    width * 0.3,
    height * 0.24,
    0,
    width * 0.3,
    height * 0.24,
    width * 0.78,
  );
  glow.addColorStop(0, css(stage.key, stage.keyStrength));
  glow.addColorStop(0.55, css(stage.key, stage.keyStrength * 0.25));
  glow.addColorStop(1, css(stage.key, 0));
  ctx.fillStyle = glow;
  ctx.fillRect(0, 0, width, height);
  // A pool of light on the floor under the product.
  ctx.save();
  ctx.translate(layout.productX, layout.productBaseY);
  ctx.scale(1, 0.28);
  const pool = ctx.createRadialGradient(0, 0, 0, 0, 0, layout.productWidth * 1.1);
  pool.addColorStop(
    0,
    css(stage.key, stage.keyStrength * (stage.motif === "spotlight" ? 1.1 : 0.6)),
  );
  pool.addColorStop(1, css(stage.key, 0));
  ctx.fillStyle = pool;
  ctx.fillRect(-width, -height * 4, width * 2, height * 8);
  ctx.restore();
}

function drawMotif(
  ctx: SKRSContext2D,
  stage: StagePalette,
  layout: BackdropLayout,
  random: () => number,
): void {
  const { width, height } = layout;
  const wallBottom = layout.horizon ?? height;
  ctx.save();
  switch (stage.motif) {
    case "spotlight": {
      const beam = ctx.createRadialGradient(
        layout.productX,
        wallBottom * 0.55,
        0,
        layout.productX,
        wallBottom * 0.55,
        width * 0.42,
      );
      beam.addColorStop(0, css(stage.key, 0.22));
      beam.addColorStop(0.7, css(stage.key, 0.06));
      beam.addColorStop(1, css(stage.key, 0));
      ctx.fillStyle = beam;
      ctx.fillRect(0, 0, width, height);
      break;
    }
    case "disc": {
      // A large flat circle behind the product, as set designers use for pop colour.
      ctx.beginPath();
      ctx.arc(layout.productX, wallBottom * 0.55, width * 0.3, 0, Math.PI * 2);
      ctx.fillStyle = css(mix(stage.wallTop, stage.prop, 0.65), 0.85);
      ctx.fill();
      break;
    }
    case "window": {
      // Sunlight through window bars falls as slanted bright panes on the wall.
      ctx.filter = "blur(18px)";
      ctx.fillStyle = css(stage.key, 0.22);
      ctx.transform(1, 0, -0.45, 1, 0, 0);
      const paneW = width * 0.16;
      for (let col = 0; col < 2; col += 1) {
        for (let row = 0; row < 2; row += 1) {
          ctx.fillRect(
            width * 0.62 + col * (paneW + 22),
            height * 0.06 + row * (paneW * 1.25 + 22),
            paneW,
            paneW * 1.25,
          );
        }
      }
      break;
    }
    case "leaves": {
      // Soft leaf shadows, as from a plant just out of frame.
      ctx.filter = "blur(14px)";
      ctx.fillStyle = css(shade(stage.wallBottom, 0.72), 0.45);
      for (let i = 0; i < 9; i += 1) {
        const x = width * between(random, 0.62, 1.02);
        const y = wallBottom * between(random, 0.05, 0.7);
        ctx.save();
        ctx.translate(x, y);
        ctx.rotate(between(random, -1.2, 1.2));
        ctx.beginPath();
        ctx.ellipse(0, 0, width * between(random, 0.05, 0.09), width * 0.022, 0, 0, Math.PI * 2);
        ctx.fill();
        ctx.restore();
      }
      break;
    }
    case "none":
      break;
  }
  ctx.restore();
}
