import { rename, rm } from "node:fs/promises";
import { MediaError, probeMedia, runFfmpeg, withTempDir } from "@adgen/media";
import type { ComposeInput, ComposeOptions, ComposeResult } from "./compose-input";
import { createComposeProgress } from "./compose-progress";
import { checkComposeInput, prepareComposition } from "./prepare-composition";
import { OUTPUT_FPS } from "./timeline";

function resultFrom(info: Awaited<ReturnType<typeof probeMedia>>): ComposeResult {
  return {
    durationSec: info.durationSec ?? 0,
    width: info.width ?? 0,
    height: info.height ?? 0,
    fps: info.fps ?? 0,
    sizeBytes: info.sizeBytes,
    hasAudio: info.hasAudio,
    videoCodec: info.videoCodec ?? "",
    profile: info.profile ?? "",
    pixFmt: info.pixFmt ?? "",
    format: info.formatName,
  };
}

/**
 * Composes the final ad in one ffmpeg encode: intro card, the clips in order with crossfades
 * and the product-name title, outro card with the call to action, and the optional music bed.
 * Input and text are checked before any work; text is rendered to images and the music
 * mastered in-process first. The result is what ffprobe reads back from the written file.
 */
export async function composeAd(
  input: ComposeInput,
  options: ComposeOptions = {},
): Promise<ComposeResult> {
  const { signal, musicReady } = options;
  // Awaited once the clips are checked; a rejection before then is not an unhandled one.
  musicReady?.catch(() => undefined);
  const progress = createComposeProgress(options.onProgress);
  const parsed = checkComposeInput(input);
  const partial = `${parsed.outputFile}.partial`;
  try {
    await withTempDir(async (dir) => {
      const { plan, command } = await prepareComposition(parsed, dir, progress, {
        signal,
        musicReady,
      });
      progress.encoding();
      await runFfmpeg({
        ...command,
        output: partial,
        expectedDurationSec: plan.timeline.totalDurationSec,
        signal,
        onProgress: progress.fromFfmpeg,
      });
    });
    progress.finishing();
    await rename(partial, parsed.outputFile);
  } catch (error) {
    await rm(partial, { force: true });
    if (signal?.aborted && !(error instanceof MediaError)) {
      throw new MediaError("ABORTED", "The composition was cancelled", { cause: error });
    }
    throw error;
  }
  const result = resultFrom(await probeMedia(parsed.outputFile, { signal }));
  progress.done();
  return result;
}

/**
 * The frames composeAd would encode, written raw (yuv420p, 30 fps, no audio) to `rawFile`
 * instead: the exact input of the final encode, for the benchmark's encode floor and for
 * inspecting the composition frame by frame. Returns the frame size and count.
 */
export async function writeComposedFrames(
  input: ComposeInput,
  rawFile: string,
): Promise<{ width: number; height: number; frames: number }> {
  const parsed = checkComposeInput(input);
  return withTempDir(async (dir) => {
    const { plan, command } = await prepareComposition(parsed, dir, createComposeProgress());
    await runFfmpeg({
      inputs: command.inputs,
      filterGraph: command.filterGraph,
      // The graph's output link carries no frame rate; -r keeps rawvideo from inventing one.
      outputOptions: [
        "-y",
        "-map",
        "[v]",
        "-an",
        "-r",
        String(OUTPUT_FPS),
        "-frames:v",
        String(plan.timeline.totalFrames),
        "-pix_fmt",
        "yuv420p",
        "-f",
        "rawvideo",
      ],
      output: rawFile,
    });
    return { ...plan.size, frames: plan.timeline.totalFrames };
  });
}
