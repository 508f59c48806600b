import type { MediaInfo } from "@adgen/media";
import { describe, expect, it } from "vitest";
import { clipSourceFrom } from "./probe-clip";

const info: MediaInfo = {
  durationSec: 3,
  width: 1440,
  height: 1080,
  fps: 30,
  frameCount: 90,
  videoCodec: "h264",
  profile: "High",
  pixFmt: "yuv420p",
  sampleAspectRatio: 4 / 3,
  rotationDeg: 0,
  hasAudio: false,
  audioCodec: null,
  audioSampleRate: null,
  audioChannels: null,
  audioChannelLayout: null,
  formatName: "mov,mp4,m4a,3gp,3g2,mj2",
  sizeBytes: 1000,
};

describe("clipSourceFrom", () => {
  it("keeps the stored size and pixel shape of an upright clip", () => {
    expect(clipSourceFrom(info)).toEqual({ width: 1440, height: 1080, sar: 4 / 3, durationSec: 3 });
    expect(clipSourceFrom({ ...info, rotationDeg: 180 }).width).toBe(1440);
  });

  it("swaps the sides of a quarter-turned phone clip, as ffmpeg's decoder does", () => {
    for (const rotationDeg of [90, -90, 270]) {
      expect(clipSourceFrom({ ...info, rotationDeg })).toEqual({
        width: 1080,
        height: 1440,
        sar: 3 / 4,
        durationSec: 3,
      });
    }
  });

  it("refuses a file without video or without a duration", () => {
    expect(() => clipSourceFrom({ ...info, width: null, height: null })).toThrow(/no video/);
    expect(() => clipSourceFrom({ ...info, durationSec: null })).toThrow(/no duration/);
  });
});
