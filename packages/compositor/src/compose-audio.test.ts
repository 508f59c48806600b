import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { encodeWav, measureLoudness, probeMedia, runFfmpeg } from "@adgen/media";
import { createLocalProvider } from "@adgen/provider-local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClip, makeTestStill } from "./compose.test-support";
import { composeAd, MUSIC_TARGET, planTimeline, type ComposeInput } from "./index";

let dir: string;
let base: Omit<ComposeInput, "musicFile" | "outputFile">;
let durationSec: number;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "compose-audio-"));
  const clip = await makeTestClip(dir, {
    name: "clip",
    width: 320,
    height: 320,
    fps: 30,
    seconds: 4,
    color: "0x406080",
  });
  base = {
    clips: [{ file: clip, durationSec: 4 }],
    stills: [await makeTestStill(dir, "still", "#203060", "#C08040")],
    productName: "Aurora",
    cta: "Listen",
    font: "poppins",
    color: "#FFFFFF",
    introDurationSec: 1,
    outroDurationSec: 1,
    aspectRatio: "1:1",
  };
  durationSec = planTimeline(base).totalDurationSec;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The decoded audio track as 32-bit float samples. */
async function decodedSamples(file: string): Promise<Float32Array> {
  const raw = path.join(dir, `${path.basename(file)}.f32`);
  await runFfmpeg({
    inputs: [{ file }],
    outputOptions: ["-vn", "-f", "f32le", "-acodec", "pcm_f32le"],
    output: raw,
  });
  const bytes = await readFile(raw);
  return new Float32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.length / 4));
}

/** A quiet tone with sharp clicks: reaching −16 LUFS pushes the clicks over the ceiling. */
function peakyBed(seconds: number): Buffer {
  const length = Math.round(seconds * 48_000);
  const channel = Float32Array.from({ length }, (_, i) => {
    const tone = 0.03 * Math.sin((2 * Math.PI * 220 * i) / 48_000);
    const click = i % 12_000 < 24 ? 0.7 * Math.sin((Math.PI * (i % 12_000)) / 24) : 0;
    return tone + click;
  });
  return encodeWav({ sampleRate: 48_000, channels: [channel, Float32Array.from(channel)] });
}

/** A hot 44.1 kHz bed near full scale, which the in-process reader leaves to loudnorm. */
async function hotBed(seconds: number): Promise<string> {
  const file = path.join(dir, "hot-44k.wav");
  await runFfmpeg({
    inputs: [
      {
        spec: `anoisesrc=color=pink:amplitude=0.95:sample_rate=44100:duration=${seconds}:seed=7`,
        options: ["-f", "lavfi"],
      },
    ],
    outputOptions: ["-ac", "2", "-c:a", "pcm_s16le", "-f", "wav"],
    output: file,
  });
  return file;
}

const beds: [string, () => Promise<string>][] = [
  [
    "the local music model's bed (measured in-process)",
    async () => {
      const call = await createLocalProvider().musicModel.compose({
        genre: "energetic",
        durationSec,
        seed: 9,
      });
      const file = path.join(dir, "local.wav");
      await writeFile(file, call.output.bytes);
      return file;
    },
  ],
  [
    "a quiet bed with sharp peaks (gain plus limiter)",
    async () => {
      const file = path.join(dir, "peaky.wav");
      await writeFile(file, peakyBed(durationSec + 1));
      return file;
    },
  ],
  ["a hot 44.1 kHz bed (loudnorm)", () => hotBed(durationSec + 1)],
];

describe.each(beds)("music: %s", (_label, makeBed) => {
  let output: string;

  beforeAll(async () => {
    const musicFile = await makeBed();
    output = path.join(dir, `${path.basename(musicFile)}.mp4`);
    await composeAd({ ...base, musicFile, outputFile: output });
  });

  it("lands at about −16 LUFS integrated with true peak at or under −1 dBTP (ebur128)", async () => {
    const loudness = await measureLoudness(output);
    expect(Math.abs(loudness.integratedLufs - MUSIC_TARGET.integratedLufs)).toBeLessThanOrEqual(1);
    expect(loudness.truePeakDbfs).toBeLessThanOrEqual(MUSIC_TARGET.truePeakDbtp);
  });

  it("has no clipped samples, AAC 48 kHz stereo as long as the video", async () => {
    const samples = await decodedSamples(output);
    let clipped = 0;
    for (const sample of samples) if (Math.abs(sample) >= 0.999) clipped += 1;
    expect(clipped).toBe(0);
    const info = await probeMedia(output);
    expect(info).toMatchObject({ audioCodec: "aac", audioSampleRate: 48_000, audioChannels: 2 });
    expect(samples.length / 2 / 48_000).toBeGreaterThan(durationSec - 1 / 30);
  });
});

describe("music still being made as the composition starts (musicReady)", () => {
  it("waits for it, and writes the same bytes as with the music ready", async () => {
    const ready = path.join(dir, "ready.wav");
    await writeFile(ready, peakyBed(durationSec + 1));
    const readyOutput = path.join(dir, "ready.mp4");
    await composeAd({ ...base, musicFile: ready, outputFile: readyOutput });

    // Not there when composeAd starts: written once the clips were checked.
    const late = path.join(dir, "late.wav");
    const musicReady = new Promise<void>((resolve) => setTimeout(resolve, 50)).then(() =>
      writeFile(late, peakyBed(durationSec + 1)),
    );
    const lateOutput = path.join(dir, "late.mp4");
    await composeAd({ ...base, musicFile: late, outputFile: lateOutput }, { musicReady });
    expect((await readFile(lateOutput)).equals(await readFile(readyOutput))).toBe(true);
  });

  it("fails with the music's own error when it cannot be made", async () => {
    const failure = new Error("the music model is down");
    const musicReady = Promise.reject(failure);
    const outputFile = path.join(dir, "no-music.mp4");
    const missing = path.join(dir, "never-written.wav");
    await expect(
      composeAd({ ...base, musicFile: missing, outputFile }, { musicReady }),
    ).rejects.toBe(failure);
  });
});
