import { type SKRSContext2D } from "@napi-rs/canvas";
import { css, mix, type Rgb, WHITE } from "./colour";
import { drawSolidSection, latheOutline, type LatheView, type Profile, ringPoint } from "./lathe";
import { roundShade, stripHighlight } from "./shading";

export interface GlassSection {
  profile: Profile;
  /** The glass's own colour (amber, smoke, clear); faint on the body, strong at the edges. */
  tint: Rgb;
  /** What the vessel holds, filled to `level` (a height in units). */
  contents?: { colour: Rgb; level: number; decorate?: (ctx: SKRSContext2D) => void };
  /** Draw a label on the glass (outside the contents), before highlights go on. */
  decorate?: (ctx: SKRSContext2D) => void;
}

const WALL = 0.022;

/**
 * Glass shows what is behind and inside it: a faint body, the contents a little inset,
 * dense edges (more glass in the line of sight) and bright strip highlights.
 */
export function drawGlassSection(ctx: SKRSContext2D, view: LatheView, glass: GlassSection): void {
  const width = Math.max(...glass.profile.map(([, r]) => r));
  const clear = mix(glass.tint, WHITE, 0.55);

  ctx.save();
  latheOutline(ctx, view, glass.profile);
  ctx.fillStyle = css(clear, 0.28);
  ctx.fill();
  ctx.restore();

  if (glass.contents) {
    const { level, colour, decorate } = glass.contents;
    const inner = glass.profile
      .filter(([y]) => y <= level)
      .map(([y, r]) => [Math.max(y, WALL * 2.5), Math.max(0.01, r - WALL)] as const);
    const top = inner.at(-1);
    if (top && top[0] < level) inner.push([level, top[1]]);
    if (inner.length >= 2) {
      drawSolidSection(ctx, view, {
        profile: inner,
        colour: colour,
        finish: "gloss",
        topColour: mix(colour, WHITE, 0.25),
        decorate,
      });
    }
  }

  ctx.save();
  latheOutline(ctx, view, glass.profile);
  ctx.clip();
  glass.decorate?.(ctx);
  // Light the label and contents as one round surface.
  ctx.fillStyle = roundShade(ctx, -width, width, "ceramic", 0.7);
  ctx.fillRect(-width, -10, width * 2, 20);
  const edges = ctx.createLinearGradient(-width, 0, width, 0);
  edges.addColorStop(0, css(glass.tint, 0.85));
  edges.addColorStop(0.09, css(glass.tint, 0.25));
  edges.addColorStop(0.2, css(glass.tint, 0.05));
  edges.addColorStop(0.8, css(glass.tint, 0.05));
  edges.addColorStop(0.91, css(glass.tint, 0.3));
  edges.addColorStop(1, css(glass.tint, 0.9));
  ctx.fillStyle = edges;
  ctx.fillRect(-width, -10, width * 2, 20);
  // A thick glass base catches light as a bright line above a dark band.
  const [baseY] = glass.profile[0]!;
  const [, baseScreenY] = ringPoint(view, baseY + WALL * 2.5, 0, Math.PI / 2);
  ctx.fillStyle = css(glass.tint, 0.35);
  ctx.fillRect(-width, baseScreenY, width * 2, 1);
  ctx.fillStyle = stripHighlight(ctx, -width * 0.58, width * 0.14, 0.85);
  ctx.fillRect(-width, -10, width * 2, 20);
  ctx.fillStyle = stripHighlight(ctx, -width * 0.36, width * 0.05, 0.45);
  ctx.fillRect(-width, -10, width * 2, 20);
  ctx.fillStyle = stripHighlight(ctx, width * 0.74, width * 0.08, 0.4);
  ctx.fillRect(-width, -10, width * 2, 20);
  ctx.restore();

  ctx.save();
  latheOutline(ctx, view, glass.profile);
  ctx.strokeStyle = css(WHITE, 0.35);
  ctx.lineWidth = 0.004;
  ctx.stroke();
  ctx.restore();
}
