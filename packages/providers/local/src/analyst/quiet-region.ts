export const REGIONS = ["bottom", "top", "right", "left"] as const;
export type Region = (typeof REGIONS)[number];

/** Product pixels falling in each outer third of the frame. */
export function productPerThird(
  mask: Uint8Array,
  width: number,
  height: number,
): Record<Region, number> {
  const counts: Record<Region, number> = { bottom: 0, top: 0, right: 0, left: 0 };
  for (let i = 0; i < mask.length; i += 1) {
    if (!mask[i]) continue;
    const x = i % width;
    const y = Math.floor(i / width);
    if (y < height / 3) counts.top += 1;
    if (y >= (2 * height) / 3) counts.bottom += 1;
    if (x < width / 3) counts.left += 1;
    if (x >= (2 * width) / 3) counts.right += 1;
  }
  return counts;
}

/**
 * The third with the least product over the whole clip. Ties go to the bottom, then the top:
 * lower-third titles are what viewers expect from an ad.
 */
export function quietestRegion(totals: Record<Region, number>): Region {
  return REGIONS.reduce(
    (best, region) => (totals[region] < totals[best] ? region : best),
    REGIONS[0],
  );
}
