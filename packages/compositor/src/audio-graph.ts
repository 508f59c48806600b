import type { MusicFades } from "./music-bed";

/** EBU R128 targets for a music bed on the web: about −16 LUFS, peaks kept under −1 dBTP. */
export const MUSIC_TARGET = { integratedLufs: -16, truePeakDbtp: -1 } as const;
/** What the level is aimed at: a dB under the promised peak, since AAC encoding overshoots a little. */
export const MUSIC_CEILING = {
  integratedLufs: MUSIC_TARGET.integratedLufs,
  truePeakDbtp: -2,
} as const;

const seconds = (value: number) => value.toFixed(4);
const STEREO_48K = "aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo";

export function musicFades(durationSec: number): MusicFades {
  return {
    durationSec,
    fadeInSec: Math.min(0.5, durationSec / 8),
    fadeOutSec: Math.min(1.2, durationSec / 5),
  };
}

const AAC_OPTIONS = ["-c:a", "aac", "-b:a", "160k", "-ar", "48000", "-ac", "2"];

/**
 * Output options for the music bed. The audio gets its own filter chain (-filter:a), not a
 * branch of the video's filter_complex graph: with both sinks in one graph, ffmpeg 5.1 ran the
 * video branches ahead of the encoder while waiting on audio, holding about a gigabyte of
 * decoded frames and slowing the pass (bench/compose).
 *
 * A bed mastered in-process (prepareMusicBed) only needs encoding. Any other file is cut (or
 * padded with silence) to the ad's length, normalised with loudnorm and faded: the layout is
 * forced to stereo first (a WAV with an unknown layout breaks loudnorm chains, MEDIA.md),
 * loudnorm runs before the fades so its gain does not undo them, and its 192 kHz output is
 * brought back to 48 kHz.
 */
export function audioOutputOptions(input: {
  musicInput: number;
  fades: MusicFades;
  mastered: boolean;
}): string[] {
  const { fades } = input;
  const filters = input.mastered
    ? [STEREO_48K]
    : [
        "aformat=channel_layouts=stereo",
        "apad",
        `atrim=duration=${seconds(fades.durationSec)}`,
        "asetpts=PTS-STARTPTS",
        `loudnorm=I=${MUSIC_CEILING.integratedLufs}:TP=${MUSIC_CEILING.truePeakDbtp}:LRA=11`,
        "aresample=48000",
        STEREO_48K,
        `afade=t=in:st=0:d=${seconds(fades.fadeInSec)}`,
        `afade=t=out:st=${seconds(fades.durationSec - fades.fadeOutSec)}:d=${seconds(fades.fadeOutSec)}`,
      ];
  return ["-map", `${input.musicInput}:a`, "-filter:a", filters.join(","), ...AAC_OPTIONS];
}
