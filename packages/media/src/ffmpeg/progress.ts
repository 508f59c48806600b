export interface FfmpegProgress {
  /** 0–100, or null when the expected duration is unknown. */
  percent: number | null;
  /** Seconds of output written so far. */
  timeSec: number;
  frame: number | null;
  speed: number | null;
}

/** "00:01:02.50" → 62.5; ffmpeg prints "N/A" or negative times before the first frame. */
export function parseTimemark(mark: string): number | null {
  const match = /^(-?)(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(mark.trim());
  if (!match) return null;
  const [, sign, h, m, s] = match;
  if (sign) return 0;
  return Number(h) * 3600 + Number(m) * 60 + Number(s);
}

/**
 * Reads one ffmpeg stats line (`frame=  42 fps= 30 … time=00:00:01.40 … speed=1.2x`) into
 * progress; other stderr lines return null.
 */
export function parseProgressLine(
  line: string,
  expectedDurationSec?: number,
): FfmpegProgress | null {
  const time = /time=\s*(\S+)/.exec(line)?.[1];
  if (time === undefined) return null;
  const timeSec = parseTimemark(time);
  if (timeSec === null) return null;
  const frame = /frame=\s*(\d+)/.exec(line)?.[1];
  const speed = /speed=\s*([\d.]+)x/.exec(line)?.[1];
  const percent =
    expectedDurationSec && expectedDurationSec > 0
      ? Math.min(100, Math.max(0, (timeSec / expectedDurationSec) * 100))
      : null;
  return {
    percent,
    timeSec,
    frame: frame === undefined ? null : Number(frame),
    speed: speed === undefined ? null : Number(speed),
  };
}
