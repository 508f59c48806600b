import type { SeededRandom } from "./seeded-random";
import type { StereoBuffer } from "./synth-voices";

const TWO_PI = 2 * Math.PI;

/** `index` must be whole (see addSample in synth-voices.ts); callers round their step times. */
function add(out: StereoBuffer, index: number, left: number, right: number): void {
  if (index < 0 || index >= out.left.length) return;
  out.left[index] = (out.left[index] ?? 0) + left;
  out.right[index] = (out.right[index] ?? 0) + right;
}

/** Kick: a sine swept from ~160 Hz down to 48 Hz, with a short click on top. */
export function renderKick(out: StereoBuffer, start: number, gain: number): void {
  const { sampleRate } = out;
  let phase = 0;
  for (let i = 0; i < 0.45 * sampleRate; i += 1) {
    const t = i / sampleRate;
    phase += (TWO_PI * (48 + 112 * Math.exp(-t / 0.035))) / sampleRate;
    const value = Math.sin(phase) * Math.exp(-t / 0.22) + 0.25 * Math.exp(-t / 0.002);
    add(out, start + i, value * gain, value * gain);
  }
}

/** Snare/clap: band-limited noise with a 185 Hz body; noise differs per side for width. */
export function renderSnare(
  out: StereoBuffer,
  start: number,
  gain: number,
  random: SeededRandom,
): void {
  const { sampleRate } = out;
  let previousLeft = 0;
  let previousRight = 0;
  for (let i = 0; i < 0.3 * sampleRate; i += 1) {
    const t = i / sampleRate;
    const left = random.next() * 2 - 1;
    const right = random.next() * 2 - 1;
    // First difference: a cheap high-pass so the noise sits above the kick and bass.
    const noiseEnvelope = Math.exp(-t / 0.09);
    const body = 0.5 * Math.sin(TWO_PI * 185 * t) * Math.exp(-t / 0.05);
    add(
      out,
      start + i,
      ((left - previousLeft) * 0.5 * noiseEnvelope + body) * gain,
      ((right - previousRight) * 0.5 * noiseEnvelope + body) * gain,
    );
    previousLeft = left;
    previousRight = right;
  }
}

/** Hi-hat: twice-differenced noise (bright), closed or open by its decay. */
export function renderHat(
  out: StereoBuffer,
  start: number,
  gain: number,
  open: boolean,
  random: SeededRandom,
  pan: number,
): void {
  const { sampleRate } = out;
  const decay = open ? 0.12 : 0.028;
  let a = 0;
  let b = 0;
  for (let i = 0; i < decay * 6 * sampleRate; i += 1) {
    const noise = random.next() * 2 - 1;
    const bright = noise - 2 * a + b;
    b = a;
    a = noise;
    const value = 0.25 * bright * Math.exp(-i / sampleRate / decay) * gain;
    add(out, start + i, value * (1 - pan * 0.5), value * (1 + pan * 0.5));
  }
}
