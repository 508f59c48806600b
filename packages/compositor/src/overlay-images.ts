import { writeFile } from "node:fs/promises";
import path from "node:path";
import { renderTextImage } from "@adgen/media";
import type { OverlayFont } from "@adgen/schemas";
import { renderIntroText, renderOutroText, type TextPng } from "./card-text";
import { even, type FrameSize } from "./output-format";
import { titlePosition, titleSlot, type TitleRegion } from "./title-placement";

/** A rendered text image on disk and where its top-left corner goes in the frame. */
export interface PlacedImage {
  file: string;
  width: number;
  height: number;
  x: number;
  y: number;
}

export interface OverlayImages {
  intro: PlacedImage;
  outro: PlacedImage;
  titles: Map<TitleRegion, PlacedImage>;
}

export interface OverlayImagesInput {
  productName: string;
  cta: string;
  font: OverlayFont;
  color: string;
  size: FrameSize;
  /** The title regions the clips use; one image is rendered per region. */
  regions: TitleRegion[];
  dir: string;
}

async function save(dir: string, name: string, image: TextPng) {
  const file = path.join(dir, `${name}.png`);
  await writeFile(file, image.png);
  return file;
}

function centred(size: FrameSize, image: TextPng) {
  return { x: even((size.width - image.width) / 2), y: even((size.height - image.height) / 2) };
}

/**
 * Renders every piece of user text to transparent PNGs before ffmpeg starts: the text never
 * enters a filter string (no escaping), and canvas shapes, falls back and fits it.
 */
export async function renderOverlayImages(input: OverlayImagesInput): Promise<OverlayImages> {
  const card = { font: input.font, color: input.color, size: input.size };
  const [intro, outro, ...titles] = await Promise.all([
    renderIntroText(input.productName, card),
    renderOutroText(input.productName, input.cta, card),
    ...input.regions.map((region) => {
      const slot = titleSlot(region, input.size);
      return renderTextImage({
        text: input.productName,
        font: input.font,
        color: input.color,
        maxWidth: slot.box.width,
        maxHeight: slot.box.height,
        maxFontSize: slot.maxFontSize,
        maxLines: slot.maxLines,
        align: slot.align,
      });
    }),
  ]);
  const placedTitles = new Map<TitleRegion, PlacedImage>();
  await Promise.all(
    input.regions.map(async (region, index) => {
      const image = titles[index] as TextPng;
      const file = await save(input.dir, `title-${region}`, image);
      const position = titlePosition(titleSlot(region, input.size), image);
      placedTitles.set(region, { file, width: image.width, height: image.height, ...position });
    }),
  );
  return {
    intro: {
      file: await save(input.dir, "intro", intro),
      width: intro.width,
      height: intro.height,
      ...centred(input.size, intro),
    },
    outro: {
      file: await save(input.dir, "outro", outro),
      width: outro.width,
      height: outro.height,
      ...centred(input.size, outro),
    },
    titles: placedTitles,
  };
}
