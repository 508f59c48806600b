import { rename, rm } from "node:fs/promises";
import {
  detectCapabilities,
  MediaError,
  probeMedia,
  runFfmpeg,
  withTempDir,
  type MediaCapabilities,
} from "@adgen/media";
import {
  composeInputSchema,
  type ComposeInput,
  type ComposeOptions,
  type ComposeResult,
  type ParsedComposeInput,
} from "./compose-input";
import { composeCommand } from "./compose-graph";
import { planComposition } from "./compose-plan";
import { createComposeProgress } from "./compose-progress";
import { renderOverlayImages } from "./overlay-images";
import { probeClipSource, type ClipSource } from "./probe-clip";
import { isDarkText } from "./text-tone";
import { OverlayTextError, validateOverlayText } from "./validate-overlay-text";

/** A clip may be this much shorter than stated (container rounding); the last frame is held. */
const CLIP_SHORTFALL_SEC = 0.1;
/** Music shorter than the ad by more than this is an error, not a silent tail. */
const MUSIC_SHORTFALL_SEC = 0.5;

function parseInput(input: ComposeInput): ParsedComposeInput {
  const parsed = composeInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new MediaError("BAD_INPUT", `Invalid composition ${issue?.path.join(".")}: ${issue?.message}`);
}

function requireFilters(capabilities: MediaCapabilities, withMusic: boolean) {
  const missing = [
    ...(capabilities.filters.loop ? [] : ["loop filter"]),
    ...(capabilities.encoders.libx264 ? [] : ["libx264 encoder"]),
    ...(withMusic && !capabilities.filters.loudnorm ? ["loudnorm filter"] : []),
    ...(withMusic && !capabilities.encoders.aac ? ["aac encoder"] : []),
  ];
  if (missing.length > 0) {
    throw new MediaError("UNSUPPORTED", `This ffmpeg (${capabilities.version}) lacks: ${missing.join(", ")}`);
  }
}

async function checkSources(input: ParsedComposeInput, signal?: AbortSignal): Promise<ClipSource[]> {
  const sources = await Promise.all(
    input.clips.map(async (clip, index) => {
      const source = await probeClipSource(clip.file, signal).catch((error: unknown) => {
        throw new MediaError("BAD_INPUT", `Clip ${index + 1} could not be read as video`, { cause: error });
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
  return sources;
}

async function checkMusic(file: string, durationSec: number, signal?: AbortSignal) {
  const info = await probeMedia(file, { signal }).catch((error: unknown) => {
    throw new MediaError("BAD_INPUT", "The music file could not be read", { cause: error });
  });
  if (!info.hasAudio) throw new MediaError("BAD_INPUT", "The music file has no audio");
  if ((info.durationSec ?? 0) < durationSec - MUSIC_SHORTFALL_SEC) {
    throw new MediaError(
      "BAD_INPUT",
      `The music lasts ${(info.durationSec ?? 0).toFixed(2)} s but the ad lasts ${durationSec.toFixed(2)} s`,
    );
  }
}

/**
 * Composes the final ad in one ffmpeg encode: intro card, the clips in order with crossfades
 * and the product-name title, outro card with the call to action, and the optional music bed.
 * Text is checked before any work and rendered to images; the result is what ffprobe reads
 * back from the written file.
 */
export async function composeAd(input: ComposeInput, options: ComposeOptions = {}): Promise<ComposeResult> {
  const { signal } = options;
  const progress = createComposeProgress(options.onProgress);
  const parsed = parseInput(input);
  const text = validateOverlayText(parsed);
  if (!text.ok) throw new OverlayTextError(text.field, text.message);

  progress.checking();
  const capabilities = await detectCapabilities();
  requireFilters(capabilities, parsed.musicFile !== null);
  const sources = await checkSources(parsed, signal);
  const plan = planComposition(parsed, parsed.aspectRatio, sources);
  if (parsed.musicFile !== null) await checkMusic(parsed.musicFile, plan.timeline.totalDurationSec, signal);

  const partial = `${parsed.outputFile}.partial`;
  try {
    await withTempDir(async (dir) => {
      progress.renderingText();
      const images = await renderOverlayImages({
        productName: parsed.productName,
        cta: parsed.cta,
        font: parsed.font,
        color: parsed.color,
        size: plan.size,
        regions: [...new Set(plan.clips.map((clip) => clip.titleRegion))],
        dir,
      });
      const command = composeCommand({
        plan,
        clipFiles: parsed.clips.map((clip) => clip.file),
        introStill: parsed.stills[0] as string,
        outroStill: parsed.stills.at(-1) as string,
        images,
        musicFile: parsed.musicFile,
        darkText: isDarkText(parsed.color),
        vignette: capabilities.filters.vignette,
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
    throw error;
  }

  const info = await probeMedia(parsed.outputFile, { signal });
  progress.done();
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
