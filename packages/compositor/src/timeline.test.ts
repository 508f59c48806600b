import { describe, expect, it } from "vitest";
import { planTimeline } from "./timeline";

const clips = (...durations: number[]) =>
  durations.map((durationSec) => ({ file: "x.mp4", durationSec }));

describe("planTimeline", () => {
  it("lays out intro, clips and outro with 0.5 s crossfades: total = intro + clips + outro − transitions", () => {
    const timeline = planTimeline({
      clips: clips(3, 3, 3, 3),
      introDurationSec: 1,
      outroDurationSec: 1,
    });
    expect(timeline.transitionSec).toBe(0.5);
    expect(timeline.totalDurationSec).toBeCloseTo(1 + 12 + 1 - 5 * 0.5, 10);
    expect(timeline.totalFrames).toBe(345);
    expect(timeline.segments.map((s) => s.kind)).toEqual([
      "intro",
      "clip",
      "clip",
      "clip",
      "clip",
      "outro",
    ]);
    expect(timeline.segments.map((s) => s.clipIndex)).toEqual([undefined, 0, 1, 2, 3, undefined]);
    expect(timeline.segments.map((s) => s.start)).toEqual([0, 0.5, 3, 5.5, 8, 10.5]);
    const outro = timeline.segments.at(-1);
    expect((outro?.start ?? 0) + (outro?.duration ?? 0)).toBeCloseTo(timeline.totalDurationSec, 10);
  });

  it("keeps every clip: each starts before the previous one ends and after it starts", () => {
    const timeline = planTimeline({
      clips: clips(1, 4, 1.5, 2.2, 1),
      introDurationSec: 0.5,
      outroDurationSec: 3,
    });
    const { segments, transitionFrames } = timeline;
    for (let i = 1; i < segments.length; i += 1) {
      const previous = segments[i - 1]!;
      const current = segments[i]!;
      expect(current.startFrame).toBe(previous.startFrame + previous.frames - transitionFrames);
      expect(current.startFrame).toBeGreaterThan(previous.startFrame);
    }
    expect(segments.filter((s) => s.kind === "clip")).toHaveLength(5);
  });

  it("shortens the crossfade for short segments but never below 0.3 s", () => {
    expect(
      planTimeline({ clips: clips(3), introDurationSec: 0.5, outroDurationSec: 1 }).transitionSec,
    ).toBe(0.3);
    expect(
      planTimeline({ clips: clips(1), introDurationSec: 1, outroDurationSec: 1 }).transitionSec,
    ).toBe(0.4);
    expect(
      planTimeline({ clips: clips(4), introDurationSec: 3, outroDurationSec: 3 }).transitionSec,
    ).toBe(0.5);
  });

  it("works on whole frames at 30 fps, so 24 fps lengths round to the nearest frame", () => {
    const timeline = planTimeline({
      clips: clips(71 / 24),
      introDurationSec: 1,
      outroDurationSec: 1,
    });
    expect(timeline.segments[1]?.frames).toBe(89);
    expect(Number.isInteger(timeline.totalDurationSec * 30)).toBe(true);
  });
});
