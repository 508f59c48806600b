/** Frame numbers of an alpha fade-in and fade-out inside a stream of `frames` frames. */
export interface FadeWindow {
  fadeIn?: { start: number; frames: number };
  fadeOut?: { start: number; frames: number };
}

/** How long text takes to appear or disappear: 0.4 s, or less when the segment is short. */
export const TEXT_FADE_FRAMES = 12;

/** The `fade` filters (alpha only) for a window; frames outside it are fully transparent. */
export function alphaFadeFilters(window: FadeWindow): string[] {
  const filters: string[] = [];
  if (window.fadeIn) {
    filters.push(`fade=t=in:s=${window.fadeIn.start}:n=${window.fadeIn.frames}:alpha=1`);
  }
  if (window.fadeOut) {
    filters.push(`fade=t=out:s=${window.fadeOut.start}:n=${window.fadeOut.frames}:alpha=1`);
  }
  return filters;
}

/**
 * A still image (one decoded frame) as a stream of `frames` frames at 30 fps with alpha fades.
 * The frame is decoded and converted once and then repeated (`loop`), so a title costs only
 * its overlay per frame.
 */
export function loopedStill(frames: number, extra: string[] = []): string {
  return [`loop=loop=${frames - 1}:size=1:start=0`, "settb=1/30", "setpts=N", ...extra].join(",");
}
