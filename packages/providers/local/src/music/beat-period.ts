/**
 * Strength of a pulse at a given period in a mono signal: the autocorrelation of its onset
 * envelope (rises in 10 ms energy) at that lag. Used by tests to hear the tempo.
 */
export function pulseStrength(
  samples: Float32Array,
  sampleRate: number,
  periodSec: number,
): number {
  const hop = Math.round(sampleRate / 100);
  const energy: number[] = [];
  for (let start = 0; start + hop <= samples.length; start += hop) {
    let sum = 0;
    for (let i = start; i < start + hop; i += 1) sum += (samples[i] ?? 0) ** 2;
    energy.push(Math.sqrt(sum / hop));
  }
  const onsets = energy.map((value, i) => Math.max(0, value - (energy[i - 1] ?? value)));
  const mean = onsets.reduce((a, b) => a + b, 0) / onsets.length;
  const centred = onsets.map((value) => value - mean);
  const lag = periodSec * 100;
  const whole = Math.floor(lag);
  const at = (l: number) => {
    let sum = 0;
    for (let i = 0; i + l < centred.length; i += 1)
      sum += (centred[i] ?? 0) * (centred[i + l] ?? 0);
    return sum / (centred.length - l);
  };
  // Linear interpolation between whole-frame lags, since beat periods are not whole 10 ms steps.
  return at(whole) + (at(whole + 1) - at(whole)) * (lag - whole);
}
