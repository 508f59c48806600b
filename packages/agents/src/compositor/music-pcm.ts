/** Stereo PCM as float channels, what the in-process mastering works on. */
export interface StereoPcm {
  channels: [Float32Array, Float32Array];
  durationSec: number;
}

export const MUSIC_SAMPLE_RATE = 48_000;

/**
 * Reads 16-bit stereo PCM WAV at 48 kHz (what the music agent writes; plain or
 * WAVE_FORMAT_EXTENSIBLE), or returns null for anything else.
 */
export function readStereoPcm16(wav: Buffer): StereoPcm | null {
  if (
    wav.length < 44 ||
    wav.toString("ascii", 0, 4) !== "RIFF" ||
    wav.toString("ascii", 8, 12) !== "WAVE"
  ) {
    return null;
  }
  let offset = 12;
  let supported = false;
  while (offset + 8 <= wav.length) {
    const id = wav.toString("ascii", offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    if (id === "fmt ") {
      const tag = wav.readUInt16LE(offset + 8);
      const subformat = tag === 0xfffe && size >= 40 ? wav.readUInt16LE(offset + 32) : tag;
      supported =
        subformat === 1 &&
        wav.readUInt16LE(offset + 10) === 2 &&
        wav.readUInt32LE(offset + 12) === MUSIC_SAMPLE_RATE &&
        wav.readUInt16LE(offset + 22) === 16;
    } else if (id === "data") {
      if (!supported) return null;
      const frames = Math.floor(Math.min(size, wav.length - offset - 8) / 4);
      // A copy aligned for an Int16Array view: far faster than readInt16LE per sample.
      const start = offset + 8;
      const samples = new Int16Array(
        Uint8Array.from(wav.subarray(start, start + frames * 4)).buffer,
      );
      const left = new Float32Array(frames);
      const right = new Float32Array(frames);
      for (let i = 0; i < frames; i += 1) {
        left[i] = (samples[2 * i] ?? 0) / 32768;
        right[i] = (samples[2 * i + 1] ?? 0) / 32768;
      }
      return { channels: [left, right], durationSec: frames / MUSIC_SAMPLE_RATE };
    }
    offset += 8 + size + (size % 2);
  }
  return null;
}

/** KSDATAFORMAT_SUBTYPE_IEEE_FLOAT, as stored (little-endian fields). */
const FLOAT_SUBFORMAT = Buffer.from("0300000000001000800000aa00389b71", "hex");
const HEADER_BYTES = 68;

/**
 * Writes stereo 32-bit float WAV (WAVE_FORMAT_EXTENSIBLE with the stereo channel mask, so
 * ffmpeg reads a "stereo" layout): no requantisation of the mastered bed, and no per-sample
 * integer conversion.
 */
export function encodeStereoFloatWav(left: Float32Array, right: Float32Array): Buffer {
  const frames = Math.min(left.length, right.length);
  const dataBytes = frames * 8;
  const wav = Buffer.alloc(HEADER_BYTES + dataBytes);
  wav.write("RIFF", 0, "ascii");
  wav.writeUInt32LE(HEADER_BYTES - 8 + dataBytes, 4);
  wav.write("WAVE", 8, "ascii");
  wav.write("fmt ", 12, "ascii");
  wav.writeUInt32LE(40, 16);
  wav.writeUInt16LE(0xfffe, 20);
  wav.writeUInt16LE(2, 22);
  wav.writeUInt32LE(MUSIC_SAMPLE_RATE, 24);
  wav.writeUInt32LE(MUSIC_SAMPLE_RATE * 8, 28);
  wav.writeUInt16LE(8, 32);
  wav.writeUInt16LE(32, 34);
  wav.writeUInt16LE(22, 36);
  wav.writeUInt16LE(32, 38);
  wav.writeUInt32LE(0x3, 40);
  FLOAT_SUBFORMAT.copy(wav, 44);
  wav.write("data", 60, "ascii");
  wav.writeUInt32LE(dataBytes, 64);
  const interleaved = new Float32Array(frames * 2);
  for (let i = 0; i < frames; i += 1) {
    interleaved[2 * i] = left[i] ?? 0;
    interleaved[2 * i + 1] = right[i] ?? 0;
  }
  Buffer.from(interleaved.buffer).copy(wav, HEADER_BYTES);
  return wav;
}
