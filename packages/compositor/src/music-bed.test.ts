import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { decodeWav, encodeWav, integratedLoudness, readWavInfo } from "@adgen/media";
import { createLocalProvider } from "@adgen/provider-local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MUSIC_CEILING, musicFades } from "./audio-graph";
import { prepareMusicBed } from "./music-bed";
import { limitPeaks } from "./peak-limiter";
import { peakLevels } from "./true-peak";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "music-bed-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const dbtp = (linear: number) => 20 * Math.log10(linear);

/** The mastered bed: 32-bit float, so nothing is requantised before the AAC encode. */
function readStereoFloat(wav: Buffer) {
  expect(readWavInfo(wav)).toMatchObject({ sampleFormat: "f32", channelCount: 2 });
  const { channels, sampleRate } = decodeWav(wav);
  const [left = new Float32Array(), right = new Float32Array()] = channels;
  return { channels: [left, right] as const, durationSec: left.length / sampleRate };
}

async function bedFrom(name: string, wav: Buffer, seconds: number) {
  const file = path.join(dir, `${name}.wav`);
  await writeFile(file, wav);
  const prepared = await prepareMusicBed(file, musicFades(seconds), MUSIC_CEILING, dir);
  if (!prepared) throw new Error("not prepared");
  const pcm = readStereoFloat(await readFile(prepared.file));
  return { prepared, pcm };
}

describe("prepareMusicBed", () => {
  it("brings the music agent's bed to −16 LUFS under the −2 dBTP ceiling, exactly the ad's length", async () => {
    const call = await createLocalProvider().musicModel.compose({
      genre: "chill",
      durationSec: 8,
      seed: 4,
    });
    const { prepared, pcm } = await bedFrom("local", call.output.bytes, 7.5);
    expect(pcm.durationSec).toBeCloseTo(7.5, 3);
    expect(prepared.sourceDurationSec).toBeCloseTo(8, 2);
    expect(integratedLoudness([...pcm.channels])).toBeCloseTo(-16, 0);
    expect(dbtp(peakLevels([...pcm.channels]).truePeak)).toBeLessThanOrEqual(-1.9);
    // Faded in and out: silent at both ends.
    expect(Math.abs(pcm.channels[0][0] ?? 1)).toBeLessThan(1e-3);
    expect(Math.abs(pcm.channels[1].at(-1) ?? 1)).toBeLessThan(1e-3);
  });

  it("limits a quiet bed with sharp peaks instead of missing the loudness", async () => {
    const length = 6 * 48_000;
    const channel = Float32Array.from({ length }, (_, i) => {
      const tone = 0.03 * Math.sin((2 * Math.PI * 220 * i) / 48_000);
      return tone + (i % 12_000 < 24 ? 0.7 * Math.sin((Math.PI * (i % 12_000)) / 24) : 0);
    });
    const { pcm } = await bedFrom(
      "peaky",
      encodeWav({ sampleRate: 48_000, channels: [channel, channel] }),
      6,
    );
    expect(Math.abs(integratedLoudness([...pcm.channels]) + 16)).toBeLessThan(0.3);
    expect(dbtp(peakLevels([...pcm.channels]).truePeak)).toBeLessThanOrEqual(-1.9);
  });

  it("leaves files it cannot read (other rates, not WAV) to loudnorm", async () => {
    const file = path.join(dir, "44k.wav");
    await writeFile(
      file,
      encodeWav({
        sampleRate: 44_100,
        channels: [new Float32Array(44_100), new Float32Array(44_100)],
      }),
    );
    expect(await prepareMusicBed(file, musicFades(1), MUSIC_CEILING, dir)).toBeNull();
    const text = path.join(dir, "notes.wav");
    await writeFile(text, "hello");
    expect(await prepareMusicBed(text, musicFades(1), MUSIC_CEILING, dir)).toBeNull();
  });
});

describe("limitPeaks", () => {
  it("keeps every sample under the ceiling and leaves quiet passages alone", () => {
    const left = Float32Array.from({ length: 48_000 }, (_, i) =>
      i === 24_000 ? 1.8 : 0.1 * Math.sin(i / 10),
    );
    const right = Float32Array.from(left);
    limitPeaks([left, right], 0.8, 48_000);
    expect(Math.max(...left.map(Math.abs))).toBeLessThanOrEqual(0.8 + 1e-6);
    expect(left[1000]).toBeCloseTo(0.1 * Math.sin(100), 6);
  });
});
