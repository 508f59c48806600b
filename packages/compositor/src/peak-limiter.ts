/** Long enough to turn the gain down smoothly before a peak (no click), short enough to be inaudible. */
const LOOKAHEAD_SEC = 0.002;
/** How fast the gain recovers after a peak: slow enough not to pump on every drum hit. */
const RELEASE_SEC = 0.08;

/** min(values[i..i+window]) for every i, in one pass (monotonic deque). */
function lookaheadMin(values: Float32Array, window: number): Float32Array {
  const out = new Float32Array(values.length);
  const deque = new Int32Array(values.length);
  let head = 0;
  let tail = 0;
  let next = 0;
  for (let i = 0; i < values.length; i += 1) {
    const end = Math.min(values.length - 1, i + window);
    for (; next <= end; next += 1) {
      while (tail > head && (values[deque[tail - 1]!] ?? 1) >= (values[next] ?? 1)) tail -= 1;
      deque[tail] = next;
      tail += 1;
    }
    while ((deque[head] ?? 0) < i) head += 1;
    out[i] = values[deque[head]!] ?? 1;
  }
  return out;
}

/**
 * A linked-stereo look-ahead peak limiter, in place: no sample ends above `ceiling`. The gain
 * is the minimum needed over the next few milliseconds, averaged over the same span (which can
 * only lower it below what each sample needs, so the ceiling holds and the gain moves smoothly)
 * and released slowly.
 */
export function limitPeaks(channels: Float32Array[], ceiling: number, sampleRate: number): void {
  const length = channels[0]?.length ?? 0;
  const needed = new Float32Array(length);
  let over = false;
  for (let i = 0; i < length; i += 1) {
    let peak = 0;
    for (const channel of channels) peak = Math.max(peak, Math.abs(channel[i] ?? 0));
    needed[i] = peak > ceiling ? ceiling / peak : 1;
    over ||= peak > ceiling;
  }
  if (!over) return;
  const window = Math.max(1, Math.round(LOOKAHEAD_SEC * sampleRate));
  const ahead = lookaheadMin(needed, window);
  const release = 1 - Math.exp(-1 / (RELEASE_SEC * sampleRate));
  let sum = 0;
  let gain = 1;
  for (let i = 0; i < length; i += 1) {
    sum += ahead[i] ?? 1;
    if (i > window) sum -= ahead[i - window - 1] ?? 1;
    const smooth = sum / Math.min(i + 1, window + 1);
    gain = Math.min(smooth, gain + (1 - gain) * release);
    for (const channel of channels) channel[i] = (channel[i] ?? 0) * gain;
  }
}
