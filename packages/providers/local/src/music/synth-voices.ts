import type { SeededRandom } from "./seeded-random";

/** A stereo buffer the voices add into. */
export interface StereoBuffer {
  left: Float32Array;
  right: Float32Array;
  sampleRate: number;
}

const TWO_PI = 2 * Math.PI;

/** PolyBLEP correction: removes most of a naive sawtooth's aliasing at the wrap point. */
function polyBlep(phase: number, step: number): number {
  if (phase < step) {
    const t = phase / step;
    return t + t - t * t - 1;
  }
  if (phase > 1 - step) {
    const t = (phase - 1) / step;
    return t * t + t + t + 1;
  }
  return 0;
}

/** Equal-power pan gains for pan in −1 (left) … 1 (right). */
function panGains(pan: number): [number, number] {
  const angle = ((pan + 1) * Math.PI) / 4;
  return [Math.cos(angle), Math.sin(angle)];
}

/**
 * Adds one sample. Indexes must be whole: a typed array silently ignores a fractional index
 * (and takes a slow path doing so), which would drop the note without a sound.
 */
function addSample(
  out: StereoBuffer,
  index: number,
  value: number,
  [left, right]: [number, number],
): void {
  if (index < 0 || index >= out.left.length) return;
  out.left[index] = (out.left[index] ?? 0) + value * left;
  out.right[index] = (out.right[index] ?? 0) + value * right;
}

/**
 * A warm pad note: two detuned band-limited saws per side through a two-pole low-pass, with a
 * slow attack and a release that overlaps the next chord so changes never click.
 */
export function renderPadNote(
  out: StereoBuffer,
  opts: {
    start: number;
    length: number;
    hz: number;
    gain: number;
    cutoff: number;
    random: SeededRandom;
  },
): void {
  const { sampleRate } = out;
  const start = Math.round(opts.start);
  const attack = 0.35 * sampleRate;
  const release = 0.45 * sampleRate;
  const total = Math.floor(opts.length + release);
  // About ±11 cents between the two saws: the slow beating is what makes it a pad.
  const detunes = [-0.12, 0.1].map((semitones) => semitones * (0.8 + opts.random.next() * 0.4));
  const coefficient = 1 - Math.exp((-TWO_PI * opts.cutoff) / sampleRate);
  detunes.forEach((semitones, voice) => {
    const step = (opts.hz * 2 ** (semitones / 12)) / sampleRate;
    let phase = opts.random.next();
    let low1 = 0;
    let low2 = 0;
    const pan = panGains(voice === 0 ? -0.55 : 0.55);
    for (let i = 0; i < total; i += 1) {
      phase += step;
      if (phase >= 1) phase -= 1;
      const saw = 2 * phase - 1 - polyBlep(phase, step);
      low1 += coefficient * (saw - low1);
      low2 += coefficient * (low1 - low2);
      const envelope =
        Math.min(1, i / attack) *
        (i > opts.length ? Math.max(0, 1 - (i - opts.length) / release) : 1);
      addSample(out, start + i, low2 * envelope * opts.gain, pan);
    }
  });
}

/**
 * A plucked note: three decaying harmonics with a 3 ms attack, like a muted synth pluck.
 * Sines and decays run as recurrences (a rotating phasor, a per-sample factor): the arpeggio
 * is most of the synth's work, and this is several times faster than Math.sin/Math.exp.
 */
export function renderPluck(
  out: StereoBuffer,
  opts: { start: number; hz: number; gain: number; decay: number; pan: number },
): void {
  const { sampleRate } = out;
  const total = Math.floor(opts.decay * 6 * sampleRate);
  const attack = 0.003 * sampleRate;
  const start = Math.round(opts.start);
  const pan = panGains(opts.pan);
  // One rotating phasor per harmonic (its imaginary part is the sine), stepped by multiplication.
  const step = (TWO_PI * opts.hz) / sampleRate;
  const cos1 = Math.cos(step);
  const sin1 = Math.sin(step);
  const cos2 = Math.cos(2 * step);
  const sin2 = Math.sin(2 * step);
  const cos3 = Math.cos(3 * step);
  const sin3 = Math.sin(3 * step);
  let re1 = 1;
  let im1 = 0;
  let re2 = 1;
  let im2 = 0;
  let re3 = 1;
  let im3 = 0;
  const fall = Math.exp(-1 / (opts.decay * sampleRate));
  let envelope = 1;
  let second = 0.45;
  let third = 0.2;
  for (let i = 0; i < total; i += 1) {
    const value = im1 + second * im2 + third * im3;
    addSample(out, start + i, value * envelope * Math.min(1, i / attack) * opts.gain, pan);
    const next1 = re1 * cos1 - im1 * sin1;
    im1 = re1 * sin1 + im1 * cos1;
    re1 = next1;
    const next2 = re2 * cos2 - im2 * sin2;
    im2 = re2 * sin2 + im2 * cos2;
    re2 = next2;
    const next3 = re3 * cos3 - im3 * sin3;
    im3 = re3 * sin3 + im3 * cos3;
    re3 = next3;
    envelope *= fall;
    // The upper harmonics die two and four times as fast: the pluck darkens as it rings.
    second *= fall * fall;
    third *= fall * fall * fall * fall;
  }
}

/** A round bass note: sine plus a gently saturated copy for audibility on small speakers. */
export function renderBass(
  out: StereoBuffer,
  opts: { start: number; length: number; hz: number; gain: number },
): void {
  const { sampleRate } = out;
  const attack = 0.004 * sampleRate;
  const release = 0.03 * sampleRate;
  const total = Math.floor(opts.length + release);
  const start = Math.round(opts.start);
  const centre = panGains(0);
  for (let i = 0; i < total; i += 1) {
    const t = i / sampleRate;
    const sine = Math.sin(TWO_PI * opts.hz * t);
    const envelope =
      Math.min(1, i / attack) *
      (i > opts.length ? Math.max(0, 1 - (i - opts.length) / release) : 1) *
      Math.exp(-t * 1.5);
    addSample(
      out,
      start + i,
      (0.75 * sine + 0.35 * Math.tanh(2.5 * sine)) * envelope * opts.gain,
      centre,
    );
  }
}
