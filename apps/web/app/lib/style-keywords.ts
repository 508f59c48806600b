/** Style chips offered on step 1; the API takes any keywords, these are the suggested ones. */
export const STYLE_CHIPS = [
  "professional",
  "studio",
  "lifestyle",
  "minimal",
  "luxury",
  "vibrant",
  "natural",
  "bold",
] as const;

/** How many units a running batch makes, read from its progress message ("image 2 of 6"). */
export function batchSize(message: string | undefined): number | null {
  const match = message ? /\bof (\d+)\b|^Generating (\d+)|^Animating (\d+)/.exec(message) : null;
  const found = match?.slice(1).find(Boolean);
  return found ? Number(found) : null;
}

export const viewLabel = (viewType: string | null) => (viewType ?? "product").replace("_", " ");
