import type { FfmpegProgress } from "@adgen/media";
import type { ComposeProgress } from "./compose-input";

/** Share of the bar before ffmpeg starts (checks, text rendering) and after it (probe). */
const ENCODE_START = 5;
const ENCODE_END = 97;

/**
 * Turns the composition's steps and ffmpeg's own progress lines into user-facing events that
 * never go backwards.
 */
export function createComposeProgress(report?: (progress: ComposeProgress) => void) {
  let last = -1;
  let lastMessage = "";
  const emit = (percent: number, message: string) => {
    const rounded = Math.max(last, Math.min(100, Math.round(percent)));
    if (rounded === last && message === lastMessage) return;
    last = rounded;
    lastMessage = message;
    report?.({ percent: rounded, message });
  };
  let finishing = false;
  return {
    checking: () => emit(0, "Checking clips…"),
    renderingText: () => emit(2, "Adding text overlays…"),
    encoding: () => emit(ENCODE_START, "Stitching clips… 0 %"),
    fromFfmpeg: (progress: FfmpegProgress) => {
      if (progress.percent === null || finishing) return;
      // The last stats line comes before the moov atom is moved to the front (faststart).
      if (progress.percent >= 99.5) {
        finishing = true;
        emit(ENCODE_END, "Finishing…");
        return;
      }
      const share = ENCODE_START + ((ENCODE_END - ENCODE_START) * progress.percent) / 100;
      emit(share, `Stitching clips… ${Math.floor(progress.percent)} %`);
    },
    finishing: () => {
      finishing = true;
      emit(ENCODE_END, "Finishing…");
    },
    done: () => emit(100, "Done"),
  };
}
