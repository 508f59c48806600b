import type { MusicGenre } from "@adgen/schemas";

/** Chords as scale degrees (0 = tonic) of a major or natural-minor scale, one chord per bar. */
export type Progression = readonly number[];

export interface GenreStyle {
  bpm: number;
  mode: "major" | "minor";
  progressions: readonly Progression[];
  /** Tonic choices as MIDI notes around C3–A3; the seed picks one. */
  tonics: readonly number[];
  /** Arpeggio steps per beat (4 = sixteenths) and the swing of every second step (0–0.3). */
  arpStepsPerBeat: number;
  swing: number;
  /** Kick, snare and hat hits per bar as step indexes on a 16-step grid. */
  kick: readonly (readonly number[])[];
  snare: readonly number[];
  hats: readonly (readonly number[])[];
  openHats: readonly number[];
  /** Bass notes on the 16-step grid; octave jumps on steps in `bassOctaveUp`. */
  bass: readonly number[];
  bassOctaveUp: readonly number[];
  /** Master low-pass cutoff (Hz): chill is darker. */
  brightness: number;
  /** Seventh chords sound lazier; triads sound brighter. */
  sevenths: boolean;
  mix: { pad: number; arp: number; bass: number; kick: number; snare: number; hat: number };
}

const EVERY_8TH = [0, 2, 4, 6, 8, 10, 12, 14];
const EVERY_16TH = Array.from({ length: 16 }, (_, i) => i);

/** The three beds DESIGN.md asks for, at the tempos MEDIA.md measured. */
export const GENRE_STYLES: Record<MusicGenre, GenreStyle> = {
  upbeat: {
    bpm: 118,
    mode: "major",
    progressions: [
      [0, 4, 5, 3],
      [0, 5, 3, 4],
      [3, 4, 0, 5],
    ],
    tonics: [48, 50, 52, 53, 55, 57],
    arpStepsPerBeat: 4,
    swing: 0,
    kick: [
      [0, 8],
      [0, 8, 10],
      [0, 6, 8],
    ],
    snare: [4, 12],
    hats: [EVERY_8TH, [2, 6, 10, 14]],
    openHats: [],
    bass: [0, 3, 6, 8, 11, 14],
    bassOctaveUp: [6, 14],
    brightness: 9000,
    sevenths: false,
    mix: { pad: 0.41, arp: 0.2, bass: 0.32, kick: 0.55, snare: 0.4, hat: 0.43 },
  },
  chill: {
    bpm: 84,
    mode: "major",
    progressions: [
      [1, 4, 0, 5],
      [0, 5, 1, 4],
      [3, 2, 1, 0],
    ],
    tonics: [48, 50, 51, 53, 55],
    arpStepsPerBeat: 2,
    swing: 0.18,
    kick: [
      [0, 10],
      [0, 7, 10],
    ],
    snare: [8],
    hats: [EVERY_8TH, [0, 2, 4, 6, 8, 10, 12, 14, 15]],
    openHats: [],
    bass: [0, 7, 10],
    bassOctaveUp: [],
    brightness: 4200,
    sevenths: true,
    mix: { pad: 0.32, arp: 0.17, bass: 0.3, kick: 0.32, snare: 0.22, hat: 0.15 },
  },
  energetic: {
    bpm: 138,
    mode: "minor",
    progressions: [
      [0, 5, 2, 6],
      [0, 6, 5, 6],
      [0, 3, 5, 4],
    ],
    tonics: [45, 47, 48, 50, 52],
    arpStepsPerBeat: 4,
    swing: 0,
    kick: [[0, 4, 8, 12]],
    snare: [4, 12],
    hats: [EVERY_16TH, EVERY_8TH],
    openHats: [2, 6, 10, 14],
    bass: EVERY_8TH.map((step) => step + 1).concat([0, 8]),
    bassOctaveUp: [3, 7, 11, 15],
    brightness: 12000,
    sevenths: false,
    mix: { pad: 0.45, arp: 0.3, bass: 0.39, kick: 0.72, snare: 0.6, hat: 0.23 },
  },
};
