export interface SegmentStream {
  label: string;
  frames: number;
}

const trim = (start: number, end?: number) =>
  `trim=start_frame=${start}${end === undefined ? "" : `:end_frame=${end}`},setpts=PTS-STARTPTS`;

/**
 * Joins segments with crossfades by cutting each one into head, body and tail and
 * concatenating body, blend, body, blend…: only the transition frames are blended (the next
 * segment's head fades in over the previous tail with an alpha fade), so every output frame
 * is computed once. Works on ffmpeg 4.1 (no xfade) and avoids xfade's 4:4:4 conversion.
 */
export function transitionGraph(
  segments: SegmentStream[],
  transitionFrames: number,
  output: string,
): string[] {
  const t = transitionFrames;
  const lines: string[] = [];
  const parts: string[] = [];
  segments.forEach((segment, index) => {
    const hasHead = index > 0;
    const hasTail = index < segments.length - 1;
    const cuts = [hasHead ? "head" : null, "body", hasTail ? "tail" : null].filter(
      (cut): cut is string => cut !== null,
    );
    const name = (cut: string) => `s${index}_${cut}`;
    lines.push(
      cuts.length === 1
        ? `[${segment.label}]null[${name("body")}_in]`
        : `[${segment.label}]split=${cuts.length}${cuts.map((cut) => `[${name(cut)}_in]`).join("")}`,
    );
    if (hasHead) {
      lines.push(
        `[${name("head")}_in]${trim(0, t)},format=yuva420p,fade=t=in:s=0:n=${t}:alpha=1[${name("head")}]`,
      );
    }
    const bodyStart = hasHead ? t : 0;
    const bodyEnd = hasTail ? segment.frames - t : segment.frames;
    lines.push(`[${name("body")}_in]${trim(bodyStart, bodyEnd)}[${name("body")}]`);
    if (hasTail) {
      lines.push(`[${name("tail")}_in]${trim(segment.frames - t)}[${name("tail")}]`);
    }
    if (hasHead) {
      const blend = `x${index}`;
      lines.push(
        `[s${index - 1}_tail][${name("head")}]overlay=format=yuv420:eof_action=pass,setsar=1[${blend}]`,
      );
      parts.push(blend);
    }
    parts.push(name("body"));
  });
  lines.push(
    `${parts.map((part) => `[${part}]`).join("")}concat=n=${parts.length}:v=1:a=0,format=yuv420p[${output}]`,
  );
  return lines;
}
