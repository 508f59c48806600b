import { MediaError } from "../errors";
import { runFfmpeg } from "../ffmpeg/run-ffmpeg";

export interface LoudnessReport {
  /** EBU R128 integrated loudness. */
  integratedLufs: number;
  loudnessRangeLu: number;
  /** True peak (ebur128 `peak=true`). */
  truePeakDbfs: number;
}

function summaryValue(stderr: string, label: string): number {
  const matches = [...stderr.matchAll(new RegExp(`(?:^|\\s)${label}:\\s+(-?[\\d.]+|-inf)`, "g"))];
  const value = matches.at(-1)?.[1];
  if (value === undefined)
    throw new MediaError("FFMPEG_FAILED", `ebur128 printed no ${label} value`);
  return value === "-inf" ? Number.NEGATIVE_INFINITY : Number(value);
}

/** Measures loudness with ffmpeg's ebur128 filter, the same meter loudnorm targets. */
export async function measureLoudness(
  file: string,
  options: { signal?: AbortSignal } = {},
): Promise<LoudnessReport> {
  const { stderr } = await runFfmpeg({
    inputs: [{ file }],
    // framelog=verbose keeps the per-100 ms lines out of stderr; only the summary remains.
    outputOptions: ["-vn", "-af", "ebur128=peak=true:framelog=verbose", "-f", "null"],
    output: "/dev/null",
    signal: options.signal,
  });
  return {
    integratedLufs: summaryValue(stderr, "I"),
    loudnessRangeLu: summaryValue(stderr, "LRA"),
    truePeakDbfs: summaryValue(stderr, "Peak"),
  };
}
