import type { RgbFrame } from "./frame-stats";

/**
 * Terms of the smooth surface in centred coordinates: up to quadratic for sweeps and gradients,
 * plus r⁴ because a lens vignette falls off faster towards the corners than a paraboloid.
 */
const TERMS = 7;
function terms(u: number, v: number): number[] {
  const r2 = u * u + v * v;
  return [1, u, v, u * u, v * v, u * v, r2 * r2];
}

/** Solves the small normal-equation system A·x = b by Gaussian elimination with pivoting. */
function solve(matrix: number[][], rhs: number[]): number[] {
  const n = rhs.length;
  const a = matrix.map((row, i) => [...row, rhs[i] ?? 0]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let row = col + 1; row < n; row += 1)
      if (Math.abs(a[row]?.[col] ?? 0) > Math.abs(a[pivot]?.[col] ?? 0)) pivot = row;
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    const lead = a[col]?.[col] ?? 0;
    if (Math.abs(lead) < 1e-12) continue;
    for (let row = 0; row < n; row += 1) {
      if (row === col) continue;
      const factor = (a[row]?.[col] ?? 0) / lead;
      for (let k = col; k <= n; k += 1)
        (a[row] as number[])[k] = (a[row]?.[k] ?? 0) - factor * (a[col]?.[k] ?? 0);
    }
  }
  return a.map((row, i) => {
    const lead = row[i] ?? 0;
    return Math.abs(lead) < 1e-12 ? 0 : (row[n] ?? 0) / lead;
  });
}

export interface BackdropModel {
  /** The backdrop's colour predicted at each pixel (row-major, 3 values per pixel). */
  predicted: Float32Array;
  /** Each pixel's colour distance from the predicted backdrop. */
  residuals: Float32Array;
  /** Distances above this are product. */
  threshold: number;
}

function median(values: Float32Array | number[]): number {
  const sorted = Float32Array.from(values).sort();
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const distance = (data: Uint8Array, i: number, colour: readonly number[]) =>
  Math.hypot(
    (data[i * 3] ?? 0) - (colour[0] ?? 0),
    (data[i * 3 + 1] ?? 0) - (colour[1] ?? 0),
    (data[i * 3 + 2] ?? 0) - (colour[2] ?? 0),
  );

/**
 * The first guess at which pixels are backdrop: those close to the median colour of the frame's
 * border, which a product shot leaves to the backdrop. Starting the fit from all pixels instead
 * lets a large product drag the surface towards itself and never be excluded.
 */
function borderLikePixels(frame: RgbFrame): Uint8Array {
  const { width, height, data } = frame;
  const border: number[] = [];
  for (let x = 0; x < width; x += 1) border.push(x, (height - 1) * width + x);
  for (let y = 1; y < height - 1; y += 1) border.push(y * width, y * width + width - 1);
  const colour = [0, 1, 2].map((ch) => median(border.map((i) => data[i * 3 + ch] ?? 0)));
  const spread = border.map((i) => distance(data, i, colour)).sort((a, b) => a - b);
  const tolerance = Math.min(
    90,
    Math.max(30, (spread[Math.floor(spread.length * 0.75)] ?? 0) * 1.5 + 12),
  );
  return Uint8Array.from({ length: width * height }, (_, i) =>
    distance(data, i, colour) <= tolerance ? 1 : 0,
  );
}

/**
 * Studio backdrops are smooth (sweeps, gradients, vignettes), so the backdrop is modelled as a
 * quadratic surface per channel, fitted by iteratively reweighted least squares: each round
 * drops the pixels that sit far from the surface (the product) and refits on the rest. This
 * holds while the product covers less than about half the frame.
 */
export function fitBackdrop(frame: RgbFrame, rounds = 5): BackdropModel {
  const { width, height, data } = frame;
  const count = width * height;
  const features = Array.from({ length: count }, (_, i) =>
    terms((i % width) / width - 0.5, Math.floor(i / width) / height - 0.5),
  );
  const inlier = borderLikePixels(frame);
  const predicted = new Float32Array(count * 3);
  const residuals = new Float32Array(count);
  let threshold = 30;
  for (let round = 0; round < rounds; round += 1) {
    const normal = Array.from({ length: TERMS }, () => new Array<number>(TERMS).fill(0));
    const rhs = [0, 1, 2].map(() => new Array<number>(TERMS).fill(0));
    for (let i = 0; i < count; i += 1) {
      if (!inlier[i]) continue;
      const f = features[i] as number[];
      for (let r = 0; r < TERMS; r += 1) {
        for (let c = 0; c < TERMS; c += 1)
          (normal[r] as number[])[c] = (normal[r]?.[c] ?? 0) + (f[r] ?? 0) * (f[c] ?? 0);
        for (let ch = 0; ch < 3; ch += 1)
          (rhs[ch] as number[])[r] = (rhs[ch]?.[r] ?? 0) + (f[r] ?? 0) * (data[i * 3 + ch] ?? 0);
      }
    }
    const coefficients = rhs.map((b) => solve(normal, b));
    for (let i = 0; i < count; i += 1) {
      const f = features[i] as number[];
      let squared = 0;
      for (let ch = 0; ch < 3; ch += 1) {
        const c = coefficients[ch] as number[];
        let value = 0;
        for (let t = 0; t < TERMS; t += 1) value += (c[t] ?? 0) * (f[t] ?? 0);
        predicted[i * 3 + ch] = value;
        squared += (value - (data[i * 3 + ch] ?? 0)) ** 2;
      }
      residuals[i] = Math.sqrt(squared);
    }
    // Backdrop noise from the current inliers (median absolute residual), floor for flat renders.
    const inlierResiduals = residuals.filter((_, i) => inlier[i] === 1);
    threshold = Math.max(
      24,
      4 * 1.4826 * median(inlierResiduals.length > 0 ? inlierResiduals : residuals),
    );
    for (let i = 0; i < count; i += 1) inlier[i] = (residuals[i] ?? 0) <= threshold ? 1 : 0;
  }
  return { predicted, residuals, threshold };
}

/** 1 where the pixel stands out from the fitted backdrop. */
export function productMaskFromBackdrop(model: BackdropModel): Uint8Array {
  return Uint8Array.from(model.residuals, (residual) => (residual > model.threshold ? 1 : 0));
}
