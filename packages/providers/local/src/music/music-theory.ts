import type { GenreStyle } from "./genre-styles";

const MAJOR = [0, 2, 4, 5, 7, 9, 11];
const MINOR = [0, 2, 3, 5, 7, 8, 10];

export function midiToHz(note: number): number {
  return 440 * 2 ** ((note - 69) / 12);
}

/** The MIDI note of a scale degree (any integer; wraps into higher or lower octaves). */
export function degreeToMidi(tonic: number, mode: GenreStyle["mode"], degree: number): number {
  const scale = mode === "major" ? MAJOR : MINOR;
  const octave = Math.floor(degree / 7);
  const step = ((degree % 7) + 7) % 7;
  return tonic + 12 * octave + (scale[step] ?? 0);
}

/** A chord stacked in thirds on a scale degree: triad, or with the seventh. */
export function chordNotes(
  tonic: number,
  mode: GenreStyle["mode"],
  degree: number,
  sevenths: boolean,
): number[] {
  const stack = sevenths ? [0, 2, 4, 6] : [0, 2, 4];
  return stack.map((third) => degreeToMidi(tonic, mode, degree + third));
}
