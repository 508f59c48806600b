import { MediaError } from "../errors";

export interface PcmAudio {
  sampleRate: number;
  /** One array per channel, samples in −1…1, all the same length. */
  channels: Float32Array[];
}

/** Speaker masks for WAVE_FORMAT_EXTENSIBLE: mono = front centre, stereo = front left + right. */
const CHANNEL_MASKS: Record<number, number> = { 1: 0x4, 2: 0x3 };
/** KSDATAFORMAT_SUBTYPE_PCM, as stored (little-endian fields). */
const PCM_SUBFORMAT = Buffer.from("0100000000001000800000aa00389b71", "hex");
const HEADER_BYTES = 68;

/**
 * Writes 16-bit PCM WAV as WAVE_FORMAT_EXTENSIBLE with a channel mask: ffmpeg reads a plain
 * 2-channel WAV as an "unknown" layout, which breaks loudnorm chains (MEDIA.md); with the mask
 * it reads "stereo".
 */
export function encodeWav(audio: PcmAudio): Buffer {
  const channelCount = audio.channels.length;
  const frames = audio.channels[0]?.length ?? 0;
  if (channelCount === 0 || audio.channels.some((channel) => channel.length !== frames)) {
    throw new MediaError("BAD_INPUT", "WAV audio needs at least one channel, all of equal length");
  }
  const dataBytes = frames * channelCount * 2;
  const wav = Buffer.alloc(HEADER_BYTES + dataBytes);
  wav.write("RIFF", 0, "ascii");
  wav.writeUInt32LE(HEADER_BYTES - 8 + dataBytes, 4);
  wav.write("WAVE", 8, "ascii");
  wav.write("fmt ", 12, "ascii");
  wav.writeUInt32LE(40, 16);
  wav.writeUInt16LE(0xfffe, 20);
  wav.writeUInt16LE(channelCount, 22);
  wav.writeUInt32LE(audio.sampleRate, 24);
  wav.writeUInt32LE(audio.sampleRate * channelCount * 2, 28);
  wav.writeUInt16LE(channelCount * 2, 32);
  wav.writeUInt16LE(16, 34);
  wav.writeUInt16LE(22, 36);
  wav.writeUInt16LE(16, 38);
  wav.writeUInt32LE(CHANNEL_MASKS[channelCount] ?? 0, 40);
  PCM_SUBFORMAT.copy(wav, 44);
  wav.write("data", 60, "ascii");
  wav.writeUInt32LE(dataBytes, 64);
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
  frames: number;
  durationSec: number;
  /** Where the interleaved samples start. */
  dataOffset: number;
}

/** Reads a PCM WAV header (walking the chunks, since writers may add LIST or fact chunks). */
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
      format = {
        channelCount: wav.readUInt16LE(offset + 10),
        sampleRate: wav.readUInt32LE(offset + 12),
        bitsPerSample: wav.readUInt16LE(offset + 22),
      };
    } else if (id === "data" && format) {
      const frames = Math.floor(size / (format.channelCount * (format.bitsPerSample / 8)));
      return { ...format, frames, durationSec: frames / format.sampleRate, dataOffset: offset + 8 };
    }
    offset += 8 + size + (size % 2);
  }
  throw new MediaError("BAD_INPUT", "The WAV file has no fmt or data chunk");
}
