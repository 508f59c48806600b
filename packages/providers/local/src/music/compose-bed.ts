import type { MusicGenre } from "@adgen/schemas";
import { renderHat, renderKick, renderSnare } from "./drum-voices";
import { GENRE_STYLES, type GenreStyle } from "./genre-styles";
import { fadeEdges, lowPass, normaliseLoudness } from "./master-bus";
import { chordNotes, degreeToMidi, midiToHz } from "./music-theory";
import { createSeededRandom, type SeededRandom } from "./seeded-random";
import { renderBass, renderPadNote, renderPluck, type StereoBuffer } from "./synth-voices";

export const SAMPLE_RATE = 48_000;

/** Orders in which the arpeggio walks the chord; indexes past the chord climb an octave. */
const ARP_PATTERNS = [
  [0, 1, 2, 3],
  [0, 2, 1, 3],
  [0, 1, 2, 1],
  [2, 1, 0, 1],
  [0, 2, 4, 2],
] as const;
const GENRE_SALT: Record<MusicGenre, number> = { upbeat: 0x1111, chill: 0x2222, energetic: 0x3333 };
const PLUCK_DECAY: Record<MusicGenre, number> = { upbeat: 0.18, chill: 0.32, energetic: 0.11 };
const PUMP_DEPTH: Record<MusicGenre, number> = { upbeat: 0.35, chill: 0.15, energetic: 0.5 };

interface Plan {
  genre: MusicGenre;
  style: GenreStyle;
  random: SeededRandom;
  stepSamples: number;
  barSamples: number;
  bars: number;
  tonic: number;
  progression: readonly number[];
}

const emptyBuffer = (length: number): StereoBuffer => ({
  left: new Float32Array(length),
  right: new Float32Array(length),
  sampleRate: SAMPLE_RATE,
});

function mixInto(
  target: StereoBuffer,
  source: StereoBuffer,
  gain = 1,
  delaySamples = 0,
  swap = false,
): void {
  const [left, right] = swap ? [source.right, source.left] : [source.left, source.right];
  for (let i = delaySamples; i < target.left.length; i += 1) {
    target.left[i] = (target.left[i] ?? 0) + (left[i - delaySamples] ?? 0) * gain;
    target.right[i] = (target.right[i] ?? 0) + (right[i - delaySamples] ?? 0) * gain;
  }
}

function renderHarmony(plan: Plan, pad: StereoBuffer, arp: StereoBuffer): void {
  const { style, random } = plan;
  const pattern = random.pick(ARP_PATTERNS);
  const cutoff = 1300 + random.next() * 900;
  const arpSteps = 4 * style.arpStepsPerBeat;
  const arpStepSamples = plan.barSamples / arpSteps;
  for (let bar = 0; bar < plan.bars; bar += 1) {
    const degree = plan.progression[bar % plan.progression.length] ?? 0;
    const notes = chordNotes(plan.tonic + 12, style.mode, degree, style.sevenths);
    const start = bar * plan.barSamples;
    for (const note of notes) {
      renderPadNote(pad, {
        start,
        length: plan.barSamples,
        hz: midiToHz(note),
        gain: 1 / notes.length,
        cutoff,
        random,
      });
    }
    for (let step = 0; step < arpSteps; step += 1) {
      const index = pattern[step % pattern.length] ?? 0;
      const note =
        (notes[index % notes.length] ?? plan.tonic) + 12 * (1 + Math.floor(index / notes.length));
      const swing = step % 2 === 1 ? style.swing * arpStepSamples : 0;
      renderPluck(arp, {
        start: Math.round(start + step * arpStepSamples + swing),
        hz: midiToHz(note),
        gain: 0.85 + random.next() * 0.3,
        decay: PLUCK_DECAY[plan.genre],
        pan: step % 2 === 0 ? -0.3 : 0.3,
      });
    }
  }
}

function renderRhythm(
  plan: Plan,
  bass: StereoBuffer,
  drums: { kick: StereoBuffer; snare: StereoBuffer; hats: StereoBuffer },
): number[] {
  const { style, random } = plan;
  const kickSteps = random.pick(style.kick);
  const hatSteps = random.pick(style.hats);
  const bassSteps = [...new Set(style.bass)].sort((a, b) => a - b);
  const kicks: number[] = [];
  for (let bar = 0; bar < plan.bars; bar += 1) {
    const start = bar * plan.barSamples;
    const at = (step: number) =>
      Math.round(
        start + step * plan.stepSamples + (step % 2 === 1 ? style.swing * plan.stepSamples : 0),
      );
    const degree = plan.progression[bar % plan.progression.length] ?? 0;
    const root = degreeToMidi(plan.tonic - 12, style.mode, degree);
    bassSteps.forEach((step, i) => {
      const next = bassSteps[i + 1] ?? 16;
      const octave = style.bassOctaveUp.includes(step) ? 12 : 0;
      renderBass(bass, {
        start: at(step),
        length: (next - step) * plan.stepSamples * 0.85,
        hz: midiToHz(root + octave),
        gain: 1,
      });
    });
    for (const step of kickSteps) {
      renderKick(drums.kick, at(step), 1);
      kicks.push(at(step));
    }
    // The first bar holds the backbeat back, a small lift once the bed gets going.
    if (bar > 0)
      for (const step of style.snare)
        renderSnare(drums.snare, at(step), 0.9 + random.next() * 0.2, random);
    for (const step of hatSteps)
      renderHat(
        drums.hats,
        at(step),
        0.75 + random.next() * 0.5,
        false,
        random,
        step % 4 === 2 ? 0.4 : -0.2,
      );
    for (const step of style.openHats) renderHat(drums.hats, at(step), 0.8, true, random, 0.3);
  }
  return kicks;
}

/** Ducks the pad after every kick (side-chain pumping), the groove of most ad beds. */
function pump(buffer: StereoBuffer, kicks: number[], depth: number): void {
  const release = 0.18 * SAMPLE_RATE;
  let next = 0;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < buffer.left.length; i += 1) {
    while (next < kicks.length && (kicks[next] ?? Infinity) <= i) last = kicks[next++] ?? last;
    const gain = 1 - depth * Math.exp(-(i - last) / release);
    buffer.left[i] = (buffer.left[i] ?? 0) * gain;
    buffer.right[i] = (buffer.right[i] ?? 0) * gain;
  }
}

/**
 * Writes a music bed: a seeded chord progression played by a pad and an arpeggiated pluck
 * (with a ping-pong echo), a bass line and a drum kit in the genre's tempo and pattern, then
 * low-passed, faded at the edges and normalised to −15 LUFS under a soft ceiling.
 */
export function composeBed(
  genre: MusicGenre,
  durationSec: number,
  seed: number,
): StereoBuffer & { loudnessLufs: number } {
  const style = GENRE_STYLES[genre];
  const random = createSeededRandom((seed ^ GENRE_SALT[genre]) >>> 0);
  const length = Math.round(durationSec * SAMPLE_RATE);
  const stepSamples = ((60 / style.bpm) * SAMPLE_RATE) / 4;
  const plan: Plan = {
    genre,
    style,
    random,
    stepSamples,
    barSamples: stepSamples * 16,
    bars: Math.ceil(length / (stepSamples * 16)),
    tonic: random.pick(style.tonics),
    progression: random.pick(style.progressions),
  };
  const [pad, arp, bass, kick, snare, hats] = Array.from({ length: 6 }, () =>
    emptyBuffer(length),
  ) as StereoBuffer[] as [
    StereoBuffer,
    StereoBuffer,
    StereoBuffer,
    StereoBuffer,
    StereoBuffer,
    StereoBuffer,
  ];
  renderHarmony(plan, pad, arp);
  const kicks = renderRhythm(plan, bass, { kick, snare, hats });
  pump(pad, kicks, PUMP_DEPTH[genre]);
  pump(bass, kicks, PUMP_DEPTH[genre] * 0.5);

  const mix = emptyBuffer(length);
  const echo = Math.round(stepSamples * 3);
  mixInto(mix, pad, style.mix.pad);
  mixInto(mix, arp, style.mix.arp);
  mixInto(mix, arp, style.mix.arp * 0.35, echo, true);
  mixInto(mix, arp, style.mix.arp * 0.15, echo * 2);
  mixInto(mix, bass, style.mix.bass);
  mixInto(mix, kick, style.mix.kick);
  mixInto(mix, snare, style.mix.snare);
  mixInto(mix, hats, style.mix.hat);
  lowPass(mix, style.brightness);
  fadeEdges(mix, 0.02, Math.min(0.4, durationSec / 4));
  return { ...mix, loudnessLufs: normaliseLoudness(mix) };
}
