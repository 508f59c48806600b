import { readFile } from "node:fs/promises";
import { overlayFontSchema } from "@adgen/schemas";
import type * as Media from "@adgen/media";
import type { LoaderFunctionArgs } from "@remix-run/node";

/**
 * @adgen/media is loaded at run time, not bundled: it carries native canvas bindings that
 * the Remix build cannot (and need not) parse.
 */
const MEDIA_PACKAGE = "@adgen/media";
const loadMedia = () => import(/* @vite-ignore */ MEDIA_PACKAGE) as Promise<typeof Media>;

/**
 * The overlay fonts for the browser (`/fonts/<font>.ttf`), read from the same npm-shipped
 * files the compositor draws with, so the font picker shows exactly the faces of the video.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const font = overlayFontSchema.safeParse(params.file?.replace(/\.ttf$/, ""));
  if (!font.success || !params.file?.endsWith(".ttf")) {
    throw new Response("Not found", { status: 404 });
  }
  const { overlayFontFile } = await loadMedia();
  const bytes = await readFile(overlayFontFile(font.data));
  return new Response(bytes, {
    headers: {
      "Content-Type": "font/ttf",
      "Cache-Control": "public, max-age=86400",
    },
  });
}
