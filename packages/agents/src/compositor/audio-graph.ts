/** EBU R128 targets for a music bed on the web: about −16 LUFS, peaks kept under −1 dBTP. */
export const MUSIC_TARGET = { integratedLufs: -16, truePeakDbtp: -1 } as const;
/** loudnorm aims lower than the ceiling: AAC encoding adds a few tenths of a dB of overshoot. */
const LOUDNORM_TRUE_PEAK = -2;

const seconds = (value: number) => value.toFixed(4);

/**
 * The music bed: cut (or padded with silence) to exactly the ad's length, normalised with
 * loudnorm over just that part, then faded. The layout is forced to stereo first (a WAV with
 * an unknown layout breaks loudnorm chains), loudnorm runs before the fades (so they are not
 * undone by its gain) and its 192 kHz output is brought back to 48 kHz.
 */
export function audioGraph(input: { musicInput: number; durationSec: number; output: string }): string[] {
  const total = input.durationSec;
  const fadeIn = Math.min(0.5, total / 8);
  const fadeOut = Math.min(1.2, total / 5);
  const filters = [
    "aformat=channel_layouts=stereo",
    "apad",
    `atrim=duration=${seconds(total)}`,
    "asetpts=PTS-STARTPTS",
    `loudnorm=I=${MUSIC_TARGET.integratedLufs}:TP=${LOUDNORM_TRUE_PEAK}:LRA=11`,
    "aresample=48000",
    "aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo",
    `afade=t=in:st=0:d=${seconds(fadeIn)}`,
    `afade=t=out:st=${seconds(total - fadeOut)}:d=${seconds(fadeOut)}`,
  ];
  return [`[${input.musicInput}:a]${filters.join(",")}[${input.output}]`];
}
