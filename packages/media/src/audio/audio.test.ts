import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isMediaError } from "../errors";
import { probeMedia } from "../ffmpeg/probe";
import { measureLoudness } from "./loudness";
import { encodeWav, readWavInfo } from "./wav";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "audio-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function sine(seconds: number, hz: number, amplitude: number, sampleRate = 48_000): Float32Array {
  return Float32Array.from(
    { length: seconds * sampleRate },
    (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / sampleRate),
  );
}

describe("WAV", () => {
  it("writes 16-bit PCM that ffprobe reads back", async () => {
    const wav = encodeWav({ sampleRate: 48_000, channels: [sine(1, 440, 0.5), sine(1, 660, 0.5)] });
    expect(readWavInfo(wav)).toEqual({
      sampleRate: 48_000,
      channelCount: 2,
      bitsPerSample: 16,
      frames: 48_000,
      durationSec: 1,
      dataOffset: 68,
    });
    const file = path.join(dir, "tone.wav");
    await writeFile(file, wav);
    expect(await probeMedia(file)).toMatchObject({
      audioCodec: "pcm_s16le",
      audioSampleRate: 48_000,
      audioChannels: 2,
      audioChannelLayout: "stereo",
      durationSec: 1,
    });
  });

  it("clips out-of-range samples instead of wrapping them", () => {
    const wav = encodeWav({ sampleRate: 8000, channels: [Float32Array.from([2, -2, 0.5])] });
    expect([wav.readInt16LE(68), wav.readInt16LE(70), wav.readInt16LE(72)]).toEqual([
      32767, -32767, 16384,
    ]);
  });

  it("refuses channels of different lengths and non-WAV bytes", () => {
    expect(() =>
      encodeWav({ sampleRate: 48_000, channels: [new Float32Array(2), new Float32Array(3)] }),
    ).toThrow();
    try {
      readWavInfo(Buffer.from("RIFX0000WAVE"));
      expect.unreachable();
    } catch (error) {
      expect(isMediaError(error, "BAD_INPUT")).toBe(true);
    }
  });
});

describe("measureLoudness", () => {
  it("measures a stereo 1 kHz tone at −20 dBFS as about −20 LUFS", async () => {
    // BS.1770 is calibrated so a 0 dBFS 1 kHz sine in both channels reads about 0 LUFS.
    const amplitude = 10 ** (-20 / 20);
    const file = path.join(dir, "minus20.wav");
    await writeFile(
      file,
      encodeWav({
        sampleRate: 48_000,
        channels: [sine(3, 1000, amplitude), sine(3, 1000, amplitude)],
      }),
    );
    const report = await measureLoudness(file);
    expect(report.integratedLufs).toBeGreaterThan(-20.7);
    expect(report.integratedLufs).toBeLessThan(-19.3);
    expect(report.truePeakDbfs).toBeCloseTo(-20, 0);
  });
});
