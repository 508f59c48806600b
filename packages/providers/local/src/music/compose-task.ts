import { encodeWav } from "@adgen/media";
import type { MusicGenre } from "@adgen/schemas";
import { composeBed, SAMPLE_RATE } from "./compose-bed";

export interface ComposeMusicInput {
  genre: MusicGenre;
  durationSec: number;
  seed: number;
}

/** One music bed as a pool task: 48 kHz stereo 16-bit WAV bytes and their length. */
export function composeMusicTask(input: ComposeMusicInput): { bytes: Buffer; durationSec: number } {
  const bed = composeBed(input.genre, input.durationSec, input.seed);
  const bytes = encodeWav({ sampleRate: SAMPLE_RATE, channels: [bed.left, bed.right] });
  return { bytes, durationSec: bed.left.length / SAMPLE_RATE };
}
