import { describe, expect, it } from "vitest";
// The compositor's own layout, read from its source: the preview must never drift from it.
import { planTimeline } from "../../../packages/compositor/src/timeline";
import { previewTimeline } from "../app/lib/timeline";

describe("previewTimeline", () => {
  const cases = [
    { clips: [3, 3, 3], intro: 1, outro: 1.5 },
    { clips: [2], intro: 0.5, outro: 0.5 },
    { clips: [4, 2, 3, 4, 2], intro: 3, outro: 3 },
    { clips: [2.04, 3.97], intro: 1, outro: 1 },
  ];
  it.each(cases)("matches the compositor for %j", ({ clips, intro, outro }) => {
    const preview = previewTimeline({
      clips: clips.map((duration, i) => ({ id: String(i), duration })),
      introDuration: intro,
      outroDuration: outro,
    });
    const plan = planTimeline({
      clips: clips.map((durationSec) => ({ durationSec })) as never,
      introDurationSec: intro,
      outroDurationSec: outro,
    });
    expect(preview.totalSec).toBeCloseTo(plan.totalDurationSec, 6);
    expect(preview.transitionSec).toBeCloseTo(plan.transitionSec, 6);
    expect(preview.parts.map((p) => p.duration)).toEqual(plan.segments.map((s) => s.duration));
  });
});
