import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { makeFixture } from "@adgen/test-utils";
import { describe, expect, it } from "vitest";
import { trimClip } from "./trim-clip";

const fixtures = path.join(tmpdir(), "adgen-trim-fixtures");

describe("trimClip", () => {
  it("cuts a model's 5 s clip to exactly the asked length by stream copy, without re-encoding", async () => {
    const source = await readFile(await makeFixture(fixtures, "mp4", { durationSec: 5 }));
    for (const seconds of [2, 3, 4]) {
      const clip = await trimClip(source, seconds);
      expect(clip).toMatchObject({
        durationSec: seconds,
        fps: 24,
        width: 1280,
        height: 720,
        reencoded: false,
      });
    }
  });

  it("pads a clip shorter than asked with its last frame (re-encoded)", async () => {
    const source = await readFile(await makeFixture(fixtures, "mp4", { durationSec: 2 }));
    const clip = await trimClip(source, 3);
    expect(clip.reencoded).toBe(true);
    expect(clip.durationSec).toBeCloseTo(3, 2);
  });
});
