/** Interpolation taps each side of the point: enough for a true-peak estimate within ~0.1 dB. */
const HALF_SPAN = 6;
/** BS.1770 measures true peak at 4× the sample rate. */
const OVERSAMPLING = 4;

function windowedSinc(t: number): number {
  if (Math.abs(t) >= HALF_SPAN) return 0;
  const sinc = t === 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
  return sinc * 0.5 * (1 + Math.cos((Math.PI * t) / HALF_SPAN));
}

/** Taps for the points 1/4, 2/4 and 3/4 of the way from sample i to i+1. */
const PHASES = Array.from({ length: OVERSAMPLING - 1 }, (_, index) => {
  const offset = (index + 1) / OVERSAMPLING;
  return Array.from({ length: 2 * HALF_SPAN }, (_, k) =>
    windowedSinc(offset - (k - HALF_SPAN + 1)),
  );
});

export interface PeakLevels {
  /** Largest |sample|, linear. */
  samplePeak: number;
  /** Largest |value| of the 4× oversampled signal (intersample peaks), linear. */
  truePeak: number;
}

/**
 * Sample and true peak (ITU-R BS.1770 Annex 2, 4× oversampling with a windowed-sinc
 * interpolator). An intersample value can only be large next to large samples, so only
 * stretches where a sample reaches half the sample peak (or `interestingAbove`, when a caller
 * only cares about peaks near a ceiling) are interpolated.
 */
export function peakLevels(channels: Float32Array[], interestingAbove = 0): PeakLevels {
  let samplePeak = 0;
  for (const channel of channels) {
    for (let i = 0; i < channel.length; i += 1)
      samplePeak = Math.max(samplePeak, Math.abs(channel[i] ?? 0));
  }
  let truePeak = samplePeak;
  const threshold = Math.max(samplePeak * 0.5, interestingAbove);
  for (const channel of channels) {
    const last = channel.length - 1;
    for (let i = 0; i < last; i += 1) {
      if (Math.abs(channel[i] ?? 0) < threshold && Math.abs(channel[i + 1] ?? 0) < threshold)
        continue;
      for (const taps of PHASES) {
        let value = 0;
        for (let k = 0; k < taps.length; k += 1) {
          const index = i + k - HALF_SPAN + 1;
          if (index >= 0 && index <= last) value += (channel[index] ?? 0) * (taps[k] ?? 0);
        }
        truePeak = Math.max(truePeak, Math.abs(value));
      }
    }
  }
  return { samplePeak, truePeak };
}
