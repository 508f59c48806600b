import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { measureLoudness, probeMedia, readWavInfo } from "@adgen/media";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ModelCallError } from "@adgen/agents";
import { pulseStrength } from "./beat-period";
import { GENRE_STYLES } from "./genre-styles";
import { createLocalMusicModel, LOCAL_MUSIC_MODEL_ID } from "./index";

const model = createLocalMusicModel();
const GENRES = ["upbeat", "chill", "energetic"] as const;

let dir: string;
/** One 10 s bed per genre, shared by the tests that listen to them. */
const beds = {} as Record<(typeof GENRES)[number], Buffer>;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "music-model-"));
  for (const genre of GENRES)
    beds[genre] = (await model.compose({ genre, durationSec: 10, seed: 7 })).output.bytes;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Left + right as floats from a 16-bit stereo WAV. */
function monoSamples(wav: Buffer): Float32Array {
  const { frames, dataOffset } = readWavInfo(wav);
  return Float32Array.from(
    { length: frames },
    (_, i) =>
      (wav.readInt16LE(dataOffset + i * 4) + wav.readInt16LE(dataOffset + 2 + i * 4)) / 65536,
  );
}

describe("local music model", () => {
  it("writes a 48 kHz stereo 16-bit WAV of exactly the asked length, free", async () => {
    const call = await model.compose({ genre: "upbeat", durationSec: 7.3, seed: 1 });
    expect(call).toMatchObject({ model: LOCAL_MUSIC_MODEL_ID, costUsd: 0 });
    expect(call.output.contentType).toBe("audio/wav");
    const info = readWavInfo(call.output.bytes);
    expect(info).toMatchObject({
      sampleRate: 48_000,
      channelCount: 2,
      bitsPerSample: 16,
      frames: 350_400,
    });
    expect(call.output.durationSec).toBe(7.3);
    const file = path.join(dir, "short.wav");
    await writeFile(file, call.output.bytes);
    const probed = await probeMedia(file);
    expect(probed).toMatchObject({
      audioChannelLayout: "stereo",
      audioCodec: "pcm_s16le",
      audioSampleRate: 48_000,
      audioChannels: 2,
    });
    expect(probed.durationSec).toBeCloseTo(7.3, 3);
  });

  it("sounds: not silent, near −15 LUFS with headroom, in every genre", async () => {
    for (const genre of GENRES) {
      const samples = monoSamples(beds[genre]);
      const rms = Math.sqrt(samples.reduce((sum, v) => sum + v * v, 0) / samples.length);
      expect(rms).toBeGreaterThan(0.05);
      const file = path.join(dir, `${genre}.wav`);
      await writeFile(file, beds[genre]);
      const loudness = await measureLoudness(file);
      expect(loudness.integratedLufs).toBeGreaterThanOrEqual(-16);
      expect(loudness.integratedLufs).toBeLessThanOrEqual(-14);
      expect(loudness.truePeakDbfs).toBeLessThan(-1);
    }
  });

  it("plays each genre at its own tempo: the bar of its BPM pulses strongest", async () => {
    for (const genre of GENRES) {
      const samples = monoSamples(beds[genre]);
      const strengths = GENRES.map((other) =>
        pulseStrength(samples, 48_000, 240 / GENRE_STYLES[other].bpm),
      );
      expect(GENRES[strengths.indexOf(Math.max(...strengths))]).toBe(genre);
    }
  });

  it("is deterministic per seed and varies with it", async () => {
    const [a, b, c] = await Promise.all([
      model.compose({ genre: "chill", durationSec: 4, seed: 99 }),
      model.compose({ genre: "chill", durationSec: 4, seed: 99 }),
      model.compose({ genre: "chill", durationSec: 4, seed: 100 }),
    ]);
    expect(a.output.bytes.equals(b.output.bytes)).toBe(true);
    expect(a.output.bytes.equals(c.output.bytes)).toBe(false);
  });

  it("refuses impossible durations with a non-retryable model error", async () => {
    const call = model.compose({ genre: "upbeat", durationSec: 0, seed: 1 });
    await expect(call).rejects.toBeInstanceOf(ModelCallError);
    await expect(call).rejects.toMatchObject({
      details: { retryable: false, model: LOCAL_MUSIC_MODEL_ID },
    });
  });
});
