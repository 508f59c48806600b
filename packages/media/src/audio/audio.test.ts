import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isMediaError } from "../errors";
import { probeMedia } from "../ffmpeg/probe";
import { runFfmpeg } from "../ffmpeg/run-ffmpeg";
import { measureLoudness } from "./loudness";
import { decodeWav, encodeWav, readWavInfo } from "./wav";

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
      sampleFormat: "s16",
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

  it("writes 32-bit float that ffprobe reads as stereo, and reads both formats back", async () => {
    const left = sine(0.5, 440, 0.5);
    const right = Float32Array.from(left, (sample) => -sample * 1.5);
    const wav = encodeWav({ sampleRate: 48_000, channels: [left, right] }, "f32");
    expect(readWavInfo(wav)).toMatchObject({ bitsPerSample: 32, sampleFormat: "f32" });
    const file = path.join(dir, "float.wav");
    await writeFile(file, wav);
    expect(await probeMedia(file)).toMatchObject({
      audioCodec: "pcm_f32le",
      audioChannelLayout: "stereo",
    });
    // Float keeps what 16-bit would clip; 16-bit comes back within one step.
    expect(decodeWav(wav).channels).toEqual([left, right]);
    const s16 = decodeWav(encodeWav({ sampleRate: 48_000, channels: [left] }));
    expect(s16.sampleRate).toBe(48_000);
    const step = Math.max(
      ...left.map((sample, i) => Math.abs(sample - (s16.channels[0]?.[i] ?? 0))),
    );
    expect(step).toBeLessThan(1 / 16_000);
  });

  it("decodes ffmpeg's plain WAV, counts only the frames a truncated file holds", async () => {
    const file = path.join(dir, "plain.wav");
    const tone = "0.25*sin(2*PI*1000*t)";
    await runFfmpeg({
      inputs: [{ spec: `aevalsrc=${tone}|-${tone}:s=44100:d=0.25`, options: ["-f", "lavfi"] }],
      outputOptions: ["-c:a", "pcm_s16le", "-bitexact", "-f", "wav"],
      output: file,
    });
    const bytes = await readFile(file);
    expect(readWavInfo(bytes)).toMatchObject({ sampleFormat: "s16", channelCount: 2 });
    const { sampleRate, channels } = decodeWav(bytes);
    const [left = new Float32Array(), right = new Float32Array()] = channels;
    expect(sampleRate).toBe(44_100);
    expect([left.length, right.length]).toEqual([11_025, 11_025]);
    expect(Math.max(...left)).toBeCloseTo(0.25, 3);
    expect(Math.max(...left.map((sample, i) => Math.abs(sample + (right[i] ?? 0))))).toBeLessThan(
      1e-4,
    );
    const truncated = bytes.subarray(0, bytes.length - 401);
    expect(readWavInfo(truncated).frames).toBe(11_025 - 101);
    expect(decodeWav(truncated).channels[1]?.length).toBe(11_025 - 101);
  });

  it("reports 24-bit WAV as not decodable", async () => {
    const file = path.join(dir, "24bit.wav");
    await runFfmpeg({
      inputs: [{ spec: "anullsrc=sample_rate=48000:duration=0.1", options: ["-f", "lavfi"] }],
      outputOptions: ["-c:a", "pcm_s24le", "-f", "wav"],
      output: file,
    });
    const bytes = await readFile(file);
    expect(readWavInfo(bytes)).toMatchObject({ bitsPerSample: 24, sampleFormat: null });
    expect(() => decodeWav(bytes)).toThrow(/16-bit PCM and 32-bit float/);
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
