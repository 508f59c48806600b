import { type Canvas, createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import { type StagePalette } from "./stage";

/** The product layer as a black silhouette, for shadows. */
function silhouette(layer: Canvas): Canvas {
  const shadow = createCanvas(layer.width, layer.height);
  const ctx = shadow.getContext("2d");
  ctx.drawImage(layer, 0, 0);
  ctx.globalCompositeOperation = "source-in";
  ctx.fillStyle = "#000";
  ctx.fillRect(0, 0, layer.width, layer.height);
  return shadow;
}

/**
 * Shadows cast by the product's own shape: a long soft one thrown forward and to the
 * right (the key light sits high, left and behind) and a dark contact pool where it stands.
 */
export function drawFloorShadows(
  ctx: SKRSContext2D,
  layer: Canvas,
  floor: { baseY: number; centreX: number; footprint: number; depth: number },
  stage: StagePalette,
  topDown: boolean,
): void {
  const shape = silhouette(layer);
  const { baseY } = floor;
  ctx.save();
  if (topDown) {
    ctx.filter = "blur(24px)";
    ctx.globalAlpha = stage.shadow * 0.7;
    ctx.drawImage(shape, 30, 34);
    ctx.restore();
    return;
  }
  ctx.filter = "blur(20px)";
  ctx.globalAlpha = stage.shadow * 0.5;
  const drop = 0.16;
  const lean = 1.4;
  ctx.setTransform(1, 0, -lean * drop, -drop, lean * drop * baseY, (1 + drop) * baseY);
  ctx.drawImage(shape, 0, 0);
  ctx.restore();

  ctx.save();
  ctx.translate(floor.centreX, baseY);
  ctx.scale(1, Math.max(0.05, floor.depth / floor.footprint));
  const pool = ctx.createRadialGradient(0, 0, 0, 0, 0, floor.footprint * 0.62);
  pool.addColorStop(0, `rgba(0,0,0,${stage.shadow * 0.85})`);
  pool.addColorStop(0.6, `rgba(0,0,0,${stage.shadow * 0.35})`);
  pool.addColorStop(1, "rgba(0,0,0,0)");
  ctx.fillStyle = pool;
  ctx.fillRect(-floor.footprint, -floor.footprint, floor.footprint * 2, floor.footprint * 2);
  ctx.restore();
}

/** A glossy floor mirrors the product, fading with distance. */
export function drawReflection(
  ctx: SKRSContext2D,
  layer: Canvas,
  baseY: number,
  strength: number,
): void {
  const mirrored = createCanvas(layer.width, layer.height);
  const mctx = mirrored.getContext("2d");
  mctx.setTransform(1, 0, 0, -1, 0, 2 * baseY);
  mctx.drawImage(layer, 0, 0);
  mctx.setTransform(1, 0, 0, 1, 0, 0);
  mctx.globalCompositeOperation = "destination-in";
  const fade = mctx.createLinearGradient(0, baseY, 0, baseY + layer.height * 0.22);
  fade.addColorStop(0, `rgba(0,0,0,${strength})`);
  fade.addColorStop(1, "rgba(0,0,0,0)");
  mctx.fillStyle = fade;
  mctx.fillRect(0, 0, layer.width, layer.height);
  ctx.save();
  ctx.filter = "blur(2px)";
  ctx.drawImage(mirrored, 0, 0);
  ctx.restore();
}

/** A thin bright edge on the side away from the key light, as a rim light gives. */
export function drawRimLight(ctx: SKRSContext2D, layer: Canvas, stage: StagePalette): void {
  if (!stage.rim) return;
  const rim = createCanvas(layer.width, layer.height);
  const rctx = rim.getContext("2d");
  rctx.drawImage(layer, 0, 0);
  rctx.globalCompositeOperation = "source-in";
  rctx.fillStyle = `rgb(${stage.rim.r},${stage.rim.g},${stage.rim.b})`;
  rctx.fillRect(0, 0, layer.width, layer.height);
  // Keep only the sliver that the shifted silhouette does not cover.
  rctx.globalCompositeOperation = "destination-out";
  rctx.drawImage(layer, -5, 2);
  ctx.save();
  ctx.globalAlpha = 0.55;
  ctx.filter = "blur(1.5px)";
  ctx.drawImage(rim, 0, 0);
  ctx.restore();
}

export function drawVignette(
  ctx: SKRSContext2D,
  width: number,
  height: number,
  strength: number,
): void {
  const vignette = ctx.createRadialGradient(
    width / 2,
    height * 0.46,
    width * 0.3,
    width / 2,
    height * 0.5,
    width * 0.78,
  );
  vignette.addColorStop(0, "rgba(0,0,0,0)");
  vignette.addColorStop(1, `rgba(0,0,0,${strength})`);
  ctx.fillStyle = vignette;
  ctx.fillRect(0, 0, width, height);
}
