export interface H264OutputSettings {
  fps: number;
  /** 18 keeps intermediates (clips) clean for the next encode; finals use 20–21. */
  crf?: number;
  /** `veryfast`: `medium` costs 2× the time for a larger file at the same CRF (MEDIA.md). */
  preset?: "ultrafast" | "superfast" | "veryfast" | "faster" | "fast" | "medium";
  /** Exact number of frames to write, so the duration is exactly frames / fps. */
  frameCount?: number;
}

/**
 * Output options for a web-friendly, byte-for-byte reproducible H.264 MP4: a fixed thread
 * count (x264's output depends on it, and machines differ in cores), bitexact muxing and no
 * metadata (which would carry dates and versions), moov before mdat for streaming.
 */
export function h264OutputOptions(settings: H264OutputSettings): string[] {
  return [
    ...(settings.frameCount === undefined ? [] : ["-frames:v", String(settings.frameCount)]),
    "-r",
    String(settings.fps),
    "-c:v",
    "libx264",
    "-preset",
    settings.preset ?? "veryfast",
    "-crf",
    String(settings.crf ?? 18),
    "-pix_fmt",
    "yuv420p",
    "-profile:v",
    "high",
    "-threads",
    "2",
    "-fflags",
    "+bitexact",
    "-flags:v",
    "+bitexact",
    "-map_metadata",
    "-1",
    "-movflags",
    "+faststart",
    "-f",
    "mp4",
  ];
}
