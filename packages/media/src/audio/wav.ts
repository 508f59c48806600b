import { MediaError } from "../errors";

export interface PcmAudio {
  sampleRate: number;
  /** One array per channel, samples in −1…1, all the same length. */
  channels: Float32Array[];
}

/** The sample formats this module reads and writes: 16-bit integer PCM and 32-bit float. */
export type WavSampleFormat = "s16" | "f32";

const FORMATS: Record<WavSampleFormat, { tag: number; bits: number; subformat: Buffer }> = {
  // KSDATAFORMAT_SUBTYPE_PCM and _IEEE_FLOAT, as stored (little-endian fields).
  s16: { tag: 1, bits: 16, subformat: Buffer.from("0100000000001000800000aa00389b71", "hex") },
  f32: { tag: 3, bits: 32, subformat: Buffer.from("0300000000001000800000aa00389b71", "hex") },
};
/** Speaker masks for WAVE_FORMAT_EXTENSIBLE: mono = front centre, stereo = front left + right. */
const CHANNEL_MASKS: Record<number, number> = { 1: 0x4, 2: 0x3 };
const HEADER_BYTES = 68;

function writeHeader(
  wav: Buffer,
  channelCount: number,
  sampleRate: number,
  format: WavSampleFormat,
) {
  const { bits, subformat } = FORMATS[format];
  const blockAlign = channelCount * (bits / 8);
  const dataBytes = wav.length - HEADER_BYTES;
  wav.write("RIFF", 0, "ascii");
  wav.writeUInt32LE(HEADER_BYTES - 8 + dataBytes, 4);
  wav.write("WAVE", 8, "ascii");
  wav.write("fmt ", 12, "ascii");
  wav.writeUInt32LE(40, 16);
  wav.writeUInt16LE(0xfffe, 20);
  wav.writeUInt16LE(channelCount, 22);
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate * blockAlign, 28);
  wav.writeUInt16LE(blockAlign, 32);
  wav.writeUInt16LE(bits, 34);
  wav.writeUInt16LE(22, 36);
  wav.writeUInt16LE(bits, 38);
  wav.writeUInt32LE(CHANNEL_MASKS[channelCount] ?? 0, 40);
  subformat.copy(wav, 44);
  wav.write("data", 60, "ascii");
  wav.writeUInt32LE(dataBytes, 64);
}

/**
 * Writes WAV as WAVE_FORMAT_EXTENSIBLE with a channel mask: ffmpeg reads a plain 2-channel WAV
 * as an "unknown" layout, which breaks loudnorm chains (MEDIA.md); with the mask it reads
 * "stereo". `s16` (the default) clips to −1…1; `f32` stores the samples as they are, so a
 * mastered bed is not requantised before the final encode.
 */
export function encodeWav(audio: PcmAudio, format: WavSampleFormat = "s16"): Buffer {
  const channelCount = audio.channels.length;
  const frames = audio.channels[0]?.length ?? 0;
  if (channelCount === 0 || audio.channels.some((channel) => channel.length !== frames)) {
    throw new MediaError("BAD_INPUT", "WAV audio needs at least one channel, all of equal length");
  }
  const wav = Buffer.alloc(HEADER_BYTES + frames * channelCount * (FORMATS[format].bits / 8));
  writeHeader(wav, channelCount, audio.sampleRate, format);
  if (format === "f32") {
    const interleaved = new Float32Array(frames * channelCount);
    audio.channels.forEach((channel, c) => {
      for (let i = 0; i < frames; i += 1) interleaved[i * channelCount + c] = channel[i] ?? 0;
    });
    Buffer.from(interleaved.buffer).copy(wav, HEADER_BYTES);
    return wav;
  }
  let offset = HEADER_BYTES;
  for (let i = 0; i < frames; i += 1) {
    for (const channel of audio.channels) {
      const sample = Math.max(-1, Math.min(1, channel[i] ?? 0));
      wav.writeInt16LE(Math.round(sample * 32767), offset);
      offset += 2;
    }
  }
  return wav;
}

export interface WavInfo {
  sampleRate: number;
  channelCount: number;
  bitsPerSample: number;
  /** What decodeWav can read: null for other encodings (24-bit, 8-bit, compressed). */
  sampleFormat: WavSampleFormat | null;
  frames: number;
  durationSec: number;
  /** Where the interleaved samples start. */
  dataOffset: number;
}

function sampleFormatOf(tag: number, bits: number): WavSampleFormat | null {
  const entry = Object.entries(FORMATS).find(([, f]) => f.tag === tag && f.bits === bits);
  return entry ? (entry[0] as WavSampleFormat) : null;
}

/**
 * Reads a WAV header, walking the chunks since writers may add LIST or fact chunks. A data
 * chunk longer than the file (a truncated or streamed write) counts only the frames present.
 */
export function readWavInfo(wav: Buffer): WavInfo {
  if (wav.toString("ascii", 0, 4) !== "RIFF" || wav.toString("ascii", 8, 12) !== "WAVE") {
    throw new MediaError("BAD_INPUT", "Not a WAV file");
  }
  let offset = 12;
  let format: Omit<WavInfo, "frames" | "durationSec" | "dataOffset"> | undefined;
  while (offset + 8 <= wav.length) {
    const id = wav.toString("ascii", offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    if (id === "fmt ") {
      const tag = wav.readUInt16LE(offset + 8);
      const bitsPerSample = wav.readUInt16LE(offset + 22);
      // WAVE_FORMAT_EXTENSIBLE keeps the real format in the first field of its subformat GUID.
      const realTag = tag === 0xfffe && size >= 40 ? wav.readUInt16LE(offset + 32) : tag;
      format = {
        channelCount: wav.readUInt16LE(offset + 10),
        sampleRate: wav.readUInt32LE(offset + 12),
        bitsPerSample,
        sampleFormat: sampleFormatOf(realTag, bitsPerSample),
      };
    } else if (id === "data" && format) {
      const present = Math.min(size, wav.length - offset - 8);
      const frames = Math.floor(present / (format.channelCount * (format.bitsPerSample / 8)));
      return { ...format, frames, durationSec: frames / format.sampleRate, dataOffset: offset + 8 };
    }
    offset += 8 + size + (size % 2);
  }
  throw new MediaError("BAD_INPUT", "The WAV file has no fmt or data chunk");
}

/** Reads 16-bit PCM or 32-bit float WAV (plain or WAVE_FORMAT_EXTENSIBLE) into float channels. */
export function decodeWav(wav: Buffer): PcmAudio {
  const info = readWavInfo(wav);
  if (info.sampleFormat === null) {
    throw new MediaError(
      "BAD_INPUT",
      `Only 16-bit PCM and 32-bit float WAV can be decoded, not ${info.bitsPerSample}-bit`,
    );
  }
  const { channelCount, frames, dataOffset } = info;
  const end = dataOffset + frames * channelCount * (info.bitsPerSample / 8);
  // A copy aligned for a typed-array view: far faster than reading sample by sample.
  const aligned = Uint8Array.from(wav.subarray(dataOffset, end)).buffer;
  const samples = info.sampleFormat === "s16" ? new Int16Array(aligned) : new Float32Array(aligned);
  const scale = info.sampleFormat === "s16" ? 1 / 32768 : 1;
  const channels = Array.from({ length: channelCount }, (_, c) => {
    const channel = new Float32Array(frames);
    for (let i = 0; i < frames; i += 1) channel[i] = (samples[i * channelCount + c] ?? 0) * scale;
    return channel;
  });
  return { sampleRate: info.sampleRate, channels };
}
