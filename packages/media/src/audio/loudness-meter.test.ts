import { describe, expect, it } from "vitest";
import { integratedLoudness } from "./loudness-meter";

const sine = (seconds: number, hz: number, amplitude: number) =>
  Float32Array.from(
    { length: seconds * 48_000 },
    (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / 48_000),
  );

describe("integratedLoudness (BS.1770)", () => {
  it("reads a stereo 1 kHz tone at −20 dBFS as −20 LUFS, like ffmpeg's ebur128", () => {
    const tone = sine(3, 1000, 0.1);
    expect(integratedLoudness([tone, tone])).toBeCloseTo(-20, 0);
  });

  it("weights low bass down (K-weighting) and gates silence out", () => {
    const bass = sine(3, 40, 0.1);
    expect(integratedLoudness([bass, bass])).toBeLessThan(-21);
    expect(integratedLoudness([new Float32Array(48_000), new Float32Array(48_000)])).toBe(
      Number.NEGATIVE_INFINITY,
    );
  });
});
