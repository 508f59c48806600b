/** Dollars per call (video per second): every call costs something, so the books can be checked. */
export const CHAOS_PRICES = {
  parser: 0.001,
  image: 0.003,
  planner: 0.002,
  videoPerSecond: 0.01,
  analyst: 0.0005,
};

export const IMAGES_PER_SESSION = 4;
export const CLIPS_PER_SESSION = 2;
export const CLIP_SECONDS = 2;

/** What one whole flow costs at CHAOS_PRICES when every call is paid once. */
export const FLOW_COST_USD =
  CHAOS_PRICES.parser +
  IMAGES_PER_SESSION * CHAOS_PRICES.image +
  CHAOS_PRICES.planner +
  CLIPS_PER_SESSION * (CLIP_SECONDS * CHAOS_PRICES.videoPerSecond + CHAOS_PRICES.analyst);
