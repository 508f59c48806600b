/** Dollars per call (video per second), like a paid provider's price table. */
export const PRICES = {
  parser: 0.001,
  image: 0.003,
  planner: 0.002,
  videoPerSecond: 0.01,
  analyst: 0.0005,
};
