import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { locateBinariesFrom } from "./binaries";
import { detectCapabilities, parseCapabilities } from "./capabilities";

function capabilitiesOf(ffmpeg: string) {
  const run = (flag: string) =>
    execFileSync(ffmpeg, ["-hide_banner", flag], { encoding: "utf8", maxBuffer: 8 << 20 });
  return parseCapabilities(run("-version"), run("-filters"), run("-encoders"));
}

describe("ffmpeg capabilities", () => {
  it("reads what the located ffmpeg supports, once", async () => {
    const capabilities = await detectCapabilities();
    expect(capabilities.encoders).toEqual({ libx264: true, aac: true });
    expect(capabilities.filters.perspective).toBe(true);
    expect(capabilities.filters.loudnorm).toBe(true);
    // xfade arrived in ffmpeg 4.3; every build with a numeric major of 5+ has it.
    if (capabilities.major !== null && capabilities.major >= 5)
      expect(capabilities.filters.xfade).toBe(true);
    expect(await detectCapabilities()).toBe(capabilities);
  });

  it("tells the npm-shipped 4.1 build apart: no xfade, but perspective and drawtext", () => {
    const npm = capabilitiesOf(locateBinariesFrom({ PATH: "" }).ffmpeg.path);
    expect(npm.filters.xfade).toBe(false);
    expect(npm.filters.perspective).toBe(true);
    expect(npm.filters.drawtext).toBe(true);
    expect(npm.encoders.libx264).toBe(true);
  });
});
