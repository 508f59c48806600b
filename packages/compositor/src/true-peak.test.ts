import { describe, expect, it } from "vitest";
import { peakLevels } from "./true-peak";

describe("peakLevels", () => {
  it("finds the peak between samples that sampling misses", () => {
    // A quarter-rate sine sampled 45° off its crests: every sample is ±0.707, the wave reaches 1.
    const samples = Float32Array.from({ length: 4800 }, (_, i) =>
      Math.sin((Math.PI / 2) * i + Math.PI / 4),
    );
    const { samplePeak, truePeak } = peakLevels([samples]);
    expect(samplePeak).toBeCloseTo(Math.SQRT1_2, 3);
    expect(truePeak).toBeGreaterThan(0.97);
    expect(truePeak).toBeLessThan(1.03);
  });

  it("equals the sample peak for a slow wave", () => {
    const samples = Float32Array.from(
      { length: 48_000 },
      (_, i) => 0.5 * Math.sin((2 * Math.PI * 100 * i) / 48_000),
    );
    const { samplePeak, truePeak } = peakLevels([samples, new Float32Array(48_000)]);
    expect(truePeak).toBeCloseTo(samplePeak, 3);
  });
});
