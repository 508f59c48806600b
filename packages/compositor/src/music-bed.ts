import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  decodeWav,
  encodeWav,
  integratedLoudness,
  isMediaError,
  readWavInfo,
  type PcmAudio,
} from "@adgen/media";
import { limitPeaks } from "./peak-limiter";
import { peakLevels } from "./true-peak";

export interface MusicFades {
  durationSec: number;
  fadeInSec: number;
  fadeOutSec: number;
}

export interface MusicTarget {
  integratedLufs: number;
  truePeakDbtp: number;
}

export interface PreparedMusic {
  /** The finished bed: exactly the ad's length, levelled, limited and faded. */
  file: string;
  /** The source's own length, for the "music too short" check. */
  sourceDurationSec: number;
  integratedLufs: number;
  truePeakDbtp: number;
  gainDb: number;
}

/** The in-process meter's rate (and the music agent's); other rates are left to loudnorm. */
const MUSIC_SAMPLE_RATE = 48_000;
const ROUNDS = 6;
/** No more than +24 dB: a near-silent bed should stay quiet, not become amplified hiss. */
const MAX_GAIN_DB = 24;
const toDb = (linear: number) => 20 * Math.log10(Math.max(linear, 1e-9));

function usedPart(channels: Float32Array[], fades: MusicFades, gain: number): Float32Array[] {
  const length = Math.round(fades.durationSec * MUSIC_SAMPLE_RATE);
  return channels.map((channel) => {
    const out = new Float32Array(length);
    const source = channel.subarray(0, length);
    for (let i = 0; i < source.length; i += 1) out[i] = (source[i] ?? 0) * gain;
    return out;
  });
}

/** Stereo 48 kHz WAV that decodeWav reads (the music agent writes 16-bit PCM), else null. */
function readMasterableWav(wav: Buffer): PcmAudio | null {
  try {
    const info = readWavInfo(wav);
    const masterable =
      info.sampleFormat !== null &&
      info.sampleRate === MUSIC_SAMPLE_RATE &&
      info.channelCount === 2;
    return masterable ? decodeWav(wav) : null;
  } catch (error) {
    if (isMediaError(error, "BAD_INPUT")) return null;
    throw error;
  }
}

/** Linear fades, like ffmpeg's afade default. */
function fade(channels: Float32Array[], fades: MusicFades): void {
  const fadeIn = Math.max(1, Math.round(fades.fadeInSec * MUSIC_SAMPLE_RATE));
  const fadeOut = Math.max(1, Math.round(fades.fadeOutSec * MUSIC_SAMPLE_RATE));
  for (const channel of channels) {
    const length = channel.length;
    for (let i = 0; i < Math.min(fadeIn, length); i += 1)
      channel[i] = (channel[i] ?? 0) * (i / fadeIn);
    for (let i = 0; i < Math.min(fadeOut, length); i += 1) {
      const index = length - 1 - i;
      channel[index] = (channel[index] ?? 0) * (i / fadeOut);
    }
  }
}

/**
 * Masters the music bed in-process: cut or pad to the ad's length, gain to the target
 * loudness, a look-ahead limiter for the true-peak ceiling, fades; measured with BS.1770
 * (the meter ebur128 and loudnorm use) and corrected until the faded result is on target,
 * since limiting and fades both lower loudness. Doing this in ffmpeg means loudnorm, which
 * resamples to 192 kHz inside the single filter thread (about a tenth of the whole
 * composition, bench/compose) and falls short on peaky material. Returns null for files this
 * reader does not handle; the audio chain then uses loudnorm.
 */
export async function prepareMusicBed(
  file: string,
  fades: MusicFades,
  target: MusicTarget,
  dir: string,
): Promise<PreparedMusic | null> {
  const pcm = readMasterableWav(await readFile(file));
  if (!pcm) return null;
  const ceilingTarget = 10 ** (target.truePeakDbtp / 20);
  const used = usedPart(pcm.channels, fades, 1);
  const faded = used.map((channel) => Float32Array.from(channel));
  fade(faded, fades);
  const sourceLoudness = integratedLoudness(faded, MUSIC_SAMPLE_RATE);
  let gainDb = Number.isFinite(sourceLoudness)
    ? Math.min(MAX_GAIN_DB, target.integratedLufs - sourceLoudness)
    : 0;
  let gain = 10 ** (gainDb / 20);
  // Only peaks that could end near the ceiling after the gain are oversampled.
  const sourcePeak = peakLevels(faded, (ceilingTarget * 0.5) / gain).truePeak;
  let bed: Float32Array[] = faded;
  let loudness = sourceLoudness + gainDb;
  let truePeak = sourcePeak * gain;
  if (truePeak <= ceilingTarget) {
    // A plain gain meets both targets: loudness and peaks move by exactly the gain.
    for (const channel of bed)
      for (let i = 0; i < channel.length; i += 1) channel[i] = (channel[i] ?? 0) * gain;
  } else {
    let ceiling = ceilingTarget;
    for (let round = 0; round < ROUNDS; round += 1) {
      bed = usedPart(used, fades, gain);
      limitPeaks(bed, ceiling, MUSIC_SAMPLE_RATE);
      fade(bed, fades);
      loudness = integratedLoudness(bed, MUSIC_SAMPLE_RATE);
      truePeak = peakLevels(bed, ceilingTarget * 0.5).truePeak;
      const loudnessOff = target.integratedLufs - loudness;
      const peakOver = truePeak > ceilingTarget;
      if (Math.abs(loudnessOff) < 0.1 && !peakOver) break;
      // The limiter works on samples; intersample peaks above the ceiling lower it next round.
      if (peakOver) ceiling *= ceilingTarget / truePeak;
      gainDb = Math.min(MAX_GAIN_DB, gainDb + loudnessOff);
      gain = 10 ** (gainDb / 20);
    }
  }
  const output = path.join(dir, "music-bed.wav");
  // 32-bit float: the mastered bed is not requantised before the AAC encode.
  await writeFile(output, encodeWav({ sampleRate: MUSIC_SAMPLE_RATE, channels: bed }, "f32"));
  return {
    file: output,
    sourceDurationSec: (pcm.channels[0]?.length ?? 0) / MUSIC_SAMPLE_RATE,
    integratedLufs: loudness,
    truePeakDbtp: toDb(truePeak),
    gainDb,
  };
}
