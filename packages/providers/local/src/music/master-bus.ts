import { integratedLoudness } from "@adgen/media";
import type { StereoBuffer } from "./synth-voices";

/** Where the bed lands: DESIGN.md asks for −16…−14 LUFS, so aim at the middle. */
export const TARGET_LUFS = -15;
/** The soft clipper's ceiling: −1.5 dBFS leaves room for AAC's overshoot in the final mix. */
const CEILING = 10 ** (-1.5 / 20);
/** Below this the clipper is perfectly linear; above it, it bends smoothly to the ceiling. */
const KNEE = 0.6 * CEILING;

function softClip(value: number): number {
  const magnitude = Math.abs(value);
  if (magnitude <= KNEE) return value;
  const headroom = CEILING - KNEE;
  return Math.sign(value) * (KNEE + headroom * Math.tanh((magnitude - KNEE) / headroom));
}

/** Two cascaded one-pole low-passes: a gentle 12 dB/octave roll-off that sets the genre's darkness. */
export function lowPass(buffer: StereoBuffer, cutoffHz: number): void {
  const coefficient = 1 - Math.exp((-2 * Math.PI * cutoffHz) / buffer.sampleRate);
  for (const channel of [buffer.left, buffer.right]) {
    let a = 0;
    let b = 0;
    for (let i = 0; i < channel.length; i += 1) {
      a += coefficient * ((channel[i] ?? 0) - a);
      b += coefficient * (a - b);
      channel[i] = b;
    }
  }
}

/** Short fades so the bed never starts or stops with a click. */
export function fadeEdges(buffer: StereoBuffer, inSec: number, outSec: number): void {
  const length = buffer.left.length;
  const fadeIn = Math.max(1, Math.round(inSec * buffer.sampleRate));
  const fadeOut = Math.max(1, Math.round(outSec * buffer.sampleRate));
  for (const channel of [buffer.left, buffer.right]) {
    for (let i = 0; i < Math.min(fadeIn, length); i += 1)
      channel[i] = (channel[i] ?? 0) * (i / fadeIn);
    for (let i = 0; i < Math.min(fadeOut, length); i += 1) {
      const index = length - 1 - i;
      channel[index] = (channel[index] ?? 0) * (i / fadeOut);
    }
  }
}

/**
 * Brings the mix to the target loudness under a soft ceiling. Clipping lowers loudness a
 * little, so gain is re-measured and corrected for a few rounds (it converges in two or three).
 */
export function normaliseLoudness(buffer: StereoBuffer): number {
  const dry = [Float32Array.from(buffer.left), Float32Array.from(buffer.right)];
  let gain = 1;
  let loudness = integratedLoudness(dry, buffer.sampleRate);
  if (!Number.isFinite(loudness)) return loudness;
  gain = 10 ** ((TARGET_LUFS - loudness) / 20);
  for (let round = 0; round < 4; round += 1) {
    dry.forEach((source, ch) => {
      const target = ch === 0 ? buffer.left : buffer.right;
      for (let i = 0; i < source.length; i += 1) target[i] = softClip((source[i] ?? 0) * gain);
    });
    loudness = integratedLoudness([buffer.left, buffer.right], buffer.sampleRate);
    if (Math.abs(loudness - TARGET_LUFS) < 0.1) break;
    gain *= 10 ** ((TARGET_LUFS - loudness) / 20);
  }
  return loudness;
}
