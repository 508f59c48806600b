import { createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import { overlayFontSchema } from "@adgen/schemas";
import { z } from "zod";
import { MediaError } from "../errors";
import { canvasFont } from "../fonts/font-registry";
import { balanceLines, ellipsize, wrapText } from "./line-wrap";
import { checkTextSupport, normalizeOverlayText } from "./text-support";

export const textImageOptionsSchema = z.object({
  text: z.string(),
  font: overlayFontSchema,
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #FFFFFF")
    .default("#FFFFFF"),
  /** The safe box the image must fit in, shadow included. */
  maxWidth: z.number().int().min(16).max(8192),
  maxHeight: z.number().int().min(16).max(8192),
  /** Defaults to what one line filling maxHeight would use. */
  maxFontSize: z.number().positive().optional(),
  minFontSize: z.number().positive().default(14),
  maxLines: z.number().int().min(1).max(6).default(2),
  align: z.enum(["left", "center", "right"]).default("center"),
  /** Baseline-to-baseline distance as a multiple of the font size. */
  lineSpacing: z.number().min(0.8).max(2).default(1.12),
  shadow: z.boolean().default(true),
});
export type TextImageOptions = z.input<typeof textImageOptionsSchema>;

export interface TextImage {
  /** Transparent PNG, at most maxWidth × maxHeight. */
  png: Buffer;
  width: number;
  height: number;
  fontSize: number;
  lines: string[];
}

interface Layout {
  fontSize: number;
  lines: string[];
  padding: number;
  ascent: number;
  descent: number;
  inkWidth: number;
  width: number;
  height: number;
}

type Settings = z.output<typeof textImageOptionsSchema>;
const RTL_FIRST_STRONG =
  /^[^\p{L}]*[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;

function layoutAt(
  ctx: SKRSContext2D,
  text: string,
  size: number,
  settings: Settings,
  lastResort: boolean,
) {
  ctx.font = canvasFont(settings.font, size);
  const padding = settings.shadow ? Math.ceil(size * 0.3) : Math.ceil(size * 0.05);
  const innerWidth = settings.maxWidth - 2 * padding;
  const measure = (line: string) => ctx.measureText(line).width;
  let lines = innerWidth > 0 ? wrapText(text, innerWidth, measure, lastResort) : null;
  if (!lines) return undefined;
  if (lines.length > settings.maxLines) {
    if (!lastResort) return undefined;
    lines = [
      ...lines.slice(0, settings.maxLines - 1),
      ellipsize(lines.slice(settings.maxLines - 1).join(" "), innerWidth, measure),
    ];
  } else if (!lastResort) {
    lines = balanceLines(text, lines, innerWidth, measure);
  }
  const metrics = lines.map((line) => ctx.measureText(line));
  const ascent = Math.max(...metrics.map((m) => m.actualBoundingBoxAscent), size * 0.7);
  const descent = Math.max(...metrics.map((m) => m.actualBoundingBoxDescent), size * 0.05);
  const inkWidth = Math.max(
    ...metrics.map((m) => Math.max(m.width, m.actualBoundingBoxLeft + m.actualBoundingBoxRight)),
  );
  const layout: Layout = {
    fontSize: size,
    lines,
    padding,
    ascent,
    descent,
    inkWidth,
    width: Math.ceil(inkWidth + 2 * padding),
    height: Math.ceil(
      ascent + descent + (lines.length - 1) * size * settings.lineSpacing + 2 * padding,
    ),
  };
  const fits = layout.width <= settings.maxWidth && layout.height <= settings.maxHeight;
  return fits || lastResort ? layout : undefined;
}

/** The largest whole font size whose wrapped text fits the box (binary search; fit is monotone enough). */
function fitLayout(ctx: SKRSContext2D, text: string, settings: Settings): Layout {
  const largest = Math.floor(settings.maxFontSize ?? settings.maxHeight / 1.4);
  let low = Math.max(1, Math.floor(Math.min(settings.minFontSize, largest)));
  let high = Math.max(low, largest);
  let best = layoutAt(ctx, text, low, settings, false);
  if (!best) return layoutAt(ctx, text, low, settings, true) as Layout;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const layout = layoutAt(ctx, text, mid, settings, false);
    if (layout) {
      best = layout;
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  return best;
}

/** Dark text gets a light glow instead of a shadow it would disappear into. */
function shadowColour(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const luminance =
    (0.2126 * ((value >> 16) & 255) + 0.7152 * ((value >> 8) & 255) + 0.0722 * (value & 255)) / 255;
  return luminance < 0.35 ? "rgba(255,255,255,0.65)" : "rgba(0,0,0,0.55)";
}

/**
 * Renders overlay text to a transparent PNG: shaped (Arabic joins, bidi order), with per-glyph
 * fallback fonts, shrunk and wrapped to fit the box, with a soft shadow for legibility. Overlaying
 * this image replaces drawtext, which cannot fit, fall back, shape or take text safely.
 */
export async function renderTextImage(options: TextImageOptions): Promise<TextImage> {
  const parsed = textImageOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MediaError(
      "BAD_INPUT",
      `Invalid text overlay ${issue?.path.join(".")}: ${issue?.message}`,
    );
  }
  const settings = parsed.data;
  const text = normalizeOverlayText(settings.text, settings.font);
  if (!text) throw new MediaError("BAD_INPUT", "The overlay text is empty");
  const support = checkTextSupport(text, settings.font);
  if (!support.renderable) {
    throw new MediaError(
      "UNRENDERABLE_TEXT",
      `These characters cannot be drawn: ${support.missing.join(" ")}`,
    );
  }

  const layout = fitLayout(createCanvas(1, 1).getContext("2d"), text, settings);
  const width = Math.min(layout.width, settings.maxWidth);
  const height = Math.min(layout.height, settings.maxHeight);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.font = canvasFont(settings.font, layout.fontSize);
  ctx.fillStyle = settings.color;
  ctx.textBaseline = "alphabetic";
  ctx.direction = RTL_FIRST_STRONG.test(text) ? "rtl" : "ltr";
  ctx.textAlign = settings.align;
  if (settings.shadow) {
    ctx.shadowColor = shadowColour(settings.color);
    ctx.shadowBlur = layout.fontSize * 0.18;
    ctx.shadowOffsetY = layout.fontSize * 0.04;
  }
  const x =
    settings.align === "left"
      ? layout.padding
      : settings.align === "right"
        ? width - layout.padding
        : width / 2;
  layout.lines.forEach((line, index) => {
    const baseline =
      layout.padding + layout.ascent + index * layout.fontSize * settings.lineSpacing;
    ctx.fillText(line, x, baseline);
  });
  return {
    png: await canvas.encode("png"),
    width,
    height,
    fontSize: layout.fontSize,
    lines: layout.lines,
  };
}
