import { detectCapabilities, MediaError, probeMedia, type MediaCapabilities } from "@adgen/media";
import { MUSIC_CEILING, musicFades } from "./audio-graph";
import { composeInputSchema, type ComposeInput, type ParsedComposeInput } from "./compose-input";
import { composeCommand, type ComposeCommand } from "./compose-graph";
import { planComposition, type CompositionPlan } from "./compose-plan";
import type { createComposeProgress } from "./compose-progress";
import { prepareMusicBed } from "./music-bed";
import { renderOverlayImages } from "./overlay-images";
import { probeClipSource, type ClipSource } from "./probe-clip";
import { isDarkText } from "./text-tone";
import { planTimeline } from "./timeline";
import { OverlayTextError, validateOverlayText } from "./validate-overlay-text";

/** A clip may be this much shorter than stated (container rounding); the last frame is held. */
const CLIP_SHORTFALL_SEC = 0.1;
/** Music shorter than the ad by more than this is an error, not a silent tail. */
const MUSIC_SHORTFALL_SEC = 0.5;

function parseInput(input: ComposeInput): ParsedComposeInput {
  const parsed = composeInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new MediaError(
    "BAD_INPUT",
    `Invalid composition ${issue?.path.join(".")}: ${issue?.message}`,
  );
}

function requireFeatures(capabilities: MediaCapabilities, withMusic: boolean) {
  const missing = [
    ...(capabilities.filters.loop ? [] : ["loop filter"]),
    ...(capabilities.encoders.libx264 ? [] : ["libx264 encoder"]),
    ...(withMusic && !capabilities.filters.loudnorm ? ["loudnorm filter"] : []),
    ...(withMusic && !capabilities.encoders.aac ? ["aac encoder"] : []),
  ];
  if (missing.length > 0) {
    throw new MediaError(
      "UNSUPPORTED",
      `This ffmpeg (${capabilities.version}) lacks: ${missing.join(", ")}`,
    );
  }
}

function checkSources(input: ParsedComposeInput, signal?: AbortSignal): Promise<ClipSource[]> {
  return Promise.all(
    input.clips.map(async (clip, index) => {
      const source = await probeClipSource(clip.file, signal).catch((error: unknown) => {
        throw new MediaError("BAD_INPUT", `Clip ${index + 1} could not be read as video`, {
          cause: error,
        });
      });
      if (source.durationSec < clip.durationSec - CLIP_SHORTFALL_SEC) {
        throw new MediaError(
          "BAD_INPUT",
          `Clip ${index + 1} lasts ${source.durationSec.toFixed(2)} s, shorter than the ${clip.durationSec} s asked for`,
        );
      }
      return source;
    }),
  );
}

/**
 * Masters the music in-process where it can (a WAV like the music agent's); any other audio
 * file is only checked here and levelled by loudnorm in the graph. Music much shorter than the
 * ad is refused rather than ending in silence.
 */
async function prepareMusic(file: string, durationSec: number, dir: string, signal?: AbortSignal) {
  const readError = (error: unknown) =>
    new MediaError("BAD_INPUT", "The music file could not be read", { cause: error });
  const prepared = await prepareMusicBed(file, musicFades(durationSec), MUSIC_CEILING, dir).catch(
    (error: unknown) => {
      throw readError(error);
    },
  );
  let sourceSec = prepared?.sourceDurationSec ?? 0;
  if (!prepared) {
    const info = await probeMedia(file, { signal }).catch((error: unknown) => {
      throw readError(error);
    });
    if (!info.hasAudio) throw new MediaError("BAD_INPUT", "The music file has no audio");
    sourceSec = info.durationSec ?? 0;
  }
  if (sourceSec < durationSec - MUSIC_SHORTFALL_SEC) {
    throw new MediaError(
      "BAD_INPUT",
      `The music lasts ${sourceSec.toFixed(2)} s but the ad lasts ${durationSec.toFixed(2)} s`,
    );
  }
  return prepared ? { file: prepared.file, mastered: true } : { file, mastered: false };
}

/** Input checks that need no I/O: schema, then glyph coverage. Throws before any work starts. */
export function checkComposeInput(input: ComposeInput): ParsedComposeInput {
  const parsed = parseInput(input);
  const text = validateOverlayText(parsed);
  if (!text.ok) throw new OverlayTextError(text.field, text.message);
  return parsed;
}

export interface PreparedComposition {
  plan: CompositionPlan;
  command: ComposeCommand;
}

/**
 * Everything before the encode: the ffmpeg build's features, the clips' real sizes and lengths,
 * the music mastered (or checked), the plan, the text rendered to PNGs in `dir`, and the one
 * ffmpeg command. Music still being made (`musicReady`) is waited for last: the clips and the
 * text go ahead meanwhile.
 */
export async function prepareComposition(
  parsed: ParsedComposeInput,
  dir: string,
  progress: ReturnType<typeof createComposeProgress>,
  options: { signal?: AbortSignal; musicReady?: Promise<unknown> } = {},
): Promise<PreparedComposition> {
  const { signal, musicReady } = options;
  progress.checking();
  const capabilities = await detectCapabilities();
  requireFeatures(capabilities, parsed.musicFile !== null);
  const timeline = planTimeline(parsed);
  const { musicFile } = parsed;
  const mastering =
    musicFile === null
      ? null
      : Promise.resolve(musicReady).then(() =>
          prepareMusic(musicFile, timeline.totalDurationSec, dir, signal),
        );
  // Its error is thrown where it is awaited below, unless the clips fail first.
  mastering?.catch(() => undefined);
  const sources = await checkSources(parsed, signal);
  signal?.throwIfAborted();
  const plan = planComposition(parsed, parsed.aspectRatio, sources);
  progress.renderingText();
  const [images, music] = await Promise.all([
    renderOverlayImages({
      productName: parsed.productName,
      cta: parsed.cta,
      font: parsed.font,
      color: parsed.color,
      size: plan.size,
      regions: [...new Set(plan.clips.map((clip) => clip.titleRegion))],
      dir,
    }),
    mastering,
  ]);
  signal?.throwIfAborted();
  const command = composeCommand({
    plan,
    clipFiles: parsed.clips.map((clip) => clip.file),
    introStill: parsed.stills[0] as string,
    outroStill: parsed.stills.at(-1) as string,
    images,
    musicFile: music?.file ?? null,
    musicMastered: music?.mastered ?? false,
    darkText: isDarkText(parsed.color),
    vignette: capabilities.filters.vignette,
  });
  return { plan, command };
}
