import { createCanvas } from "@napi-rs/canvas";
import { drawBackdrop } from "./backdrop";
import { drawFloorShadows, drawReflection, drawRimLight, drawVignette } from "./composite";
import { frameProduct } from "./framing";
import { resolveLook } from "./look";
import { poseForView } from "./painter";
import { drawLifestyleSet } from "./props";
import { PAINTERS } from "./painters";
import { createRandom } from "./random";
import { type RenderBrief } from "./read-prompt";
import { stagePalette } from "./stage";
import { drawUseBehind, drawUseFront, skinTone } from "./use-scene";

/** Renders one studio product shot as PNG bytes. Same brief and size → same bytes. */
export function renderStudioImage(brief: RenderBrief, width: number, height: number): Buffer {
  const random = createRandom(brief.seed);
  const look = resolveLook(brief);
  const pose = poseForView(brief.view);
  const drawing = PAINTERS[brief.category](look, pose);
  const framing = frameProduct(brief.view, drawing, width, height);
  const stage = stagePalette(brief.moods, look);

  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  drawBackdrop(
    ctx,
    stage,
    {
      width,
      height,
      horizon: framing.horizon,
      productX: framing.originX,
      productBaseY: framing.originY,
      productWidth: (drawing.left + drawing.right) * framing.scale,
    },
    random,
  );

  const productWidth = (drawing.left + drawing.right) * framing.scale;
  const productX = framing.originX + ((drawing.right - drawing.left) / 2) * framing.scale;
  if (brief.view === "lifestyle" && !brief.avoid.props && framing.horizon !== null) {
    drawLifestyleSet(
      ctx,
      stage,
      {
        width,
        height,
        horizon: framing.horizon,
        productX,
        productBaseY: framing.originY,
        productWidth,
      },
      random,
    );
  }

  const layer = createCanvas(width, height);
  const lctx = layer.getContext("2d");
  lctx.translate(framing.originX, framing.originY);
  lctx.rotate(framing.tilt);
  lctx.scale(framing.scale, framing.scale);
  const skin = skinTone(brief.seed);
  // Earbuds are shown in a hand, like other small things, not on a display bust.
  const useCategory = brief.variant === "earbuds" ? "generic" : brief.category;
  if (brief.view === "in_use") drawUseBehind(lctx, useCategory, drawing, skin);
  lctx.save();
  drawing.paint(lctx);
  lctx.restore();
  if (brief.view === "in_use") drawUseFront(lctx, useCategory, drawing, skin);

  drawFloorShadows(
    ctx,
    layer,
    {
      baseY: framing.originY,
      centreX: productX,
      footprint: productWidth,
      depth: productWidth * 0.12 + 10,
    },
    stage,
    framing.horizon === null,
  );
  // On a lifestyle set the product stands on a pedestal, not on the mirror-like floor.
  if (
    stage.glossyFloor &&
    !brief.avoid.reflection &&
    framing.horizon !== null &&
    brief.view !== "lifestyle"
  ) {
    drawReflection(ctx, layer, framing.originY, 0.3);
  }
  ctx.drawImage(layer, 0, 0);
  drawRimLight(ctx, layer, stage);
  drawVignette(ctx, width, height, stage.vignette);
  return canvas.toBuffer("image/png");
}
