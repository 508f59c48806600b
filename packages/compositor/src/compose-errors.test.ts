import { access, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { encodeWav, isMediaError } from "@adgen/media";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestClip, makeTestStill } from "./compose.test-support";
import { composeAd, OverlayTextError, type ComposeInput, type ComposeProgress } from "./index";

let dir: string;
let base: ComposeInput;

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "compose-errors-"));
  const clip = await makeTestClip(dir, {
    name: "clip",
    width: 320,
    height: 180,
    fps: 30,
    seconds: 2,
    color: "0x806040",
  });
  base = {
    clips: [{ file: clip, durationSec: 2 }],
    stills: [await makeTestStill(dir, "still", "#203060", "#C08040")],
    productName: "Aurora",
    cta: "Shop now",
    font: "anton",
    color: "#FFFFFF",
    introDurationSec: 1,
    outroDurationSec: 1,
    aspectRatio: "16:9",
    musicFile: null,
    outputFile: path.join(dir, "ad.mp4"),
  };
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("composeAd refuses bad input before any work", () => {
  it("names the text field with a character no font can draw, and reports no progress", async () => {
    const events: ComposeProgress[] = [];
    const call = composeAd(
      { ...base, cta: "Buy 𒀀 now" },
      { onProgress: (event) => events.push(event) },
    );
    await expect(call).rejects.toBeInstanceOf(OverlayTextError);
    await expect(call).rejects.toMatchObject({ code: "UNRENDERABLE_TEXT", field: "cta" });
    expect(events).toEqual([]);
    expect(await exists(base.outputFile)).toBe(false);
  });

  it("rejects out-of-range settings with the field in the message", async () => {
    await expect(composeAd({ ...base, introDurationSec: 5 })).rejects.toMatchObject({
      code: "BAD_INPUT",
      message: expect.stringContaining("introDurationSec"),
    });
    await expect(composeAd({ ...base, clips: [] })).rejects.toMatchObject({ code: "BAD_INPUT" });
  });

  it("refuses a clip shorter than the length asked for, naming it", async () => {
    const clips = [...base.clips, { file: base.clips[0]!.file, durationSec: 4 }];
    await expect(composeAd({ ...base, clips })).rejects.toMatchObject({
      code: "BAD_INPUT",
      message: expect.stringContaining("Clip 2"),
    });
  });

  it("refuses music much shorter than the ad, and a file that is not media", async () => {
    const short = path.join(dir, "short.wav");
    await writeFile(
      short,
      encodeWav({
        sampleRate: 48_000,
        channels: [new Float32Array(48_000), new Float32Array(48_000)],
      }),
    );
    await expect(composeAd({ ...base, musicFile: short })).rejects.toMatchObject({
      code: "BAD_INPUT",
      message: expect.stringContaining("music lasts 1.00 s"),
    });
    const junk = path.join(dir, "junk.wav");
    await writeFile(junk, "not audio at all");
    await expect(composeAd({ ...base, musicFile: junk })).rejects.toMatchObject({
      code: "BAD_INPUT",
    });
  });
});

describe("composeAd cancellation", () => {
  it("stops ffmpeg when aborted and leaves no file behind", async () => {
    const controller = new AbortController();
    const outputFile = path.join(dir, "cancelled.mp4");
    const call = composeAd(
      { ...base, outputFile },
      {
        signal: controller.signal,
        onProgress: (event) => {
          if (event.message.startsWith("Stitching")) controller.abort();
        },
      },
    );
    const error = await call.catch((caught: unknown) => caught);
    expect(isMediaError(error, "ABORTED")).toBe(true);
    expect(await exists(outputFile)).toBe(false);
    expect(await exists(`${outputFile}.partial`)).toBe(false);
  });
});
