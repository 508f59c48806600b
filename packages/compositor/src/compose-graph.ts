import { h264OutputOptions, type FfmpegInput } from "@adgen/media";
import { audioOutputOptions, musicFades } from "./audio-graph";
import { cardGraph } from "./card-graph";
import { clipGraph } from "./clip-graph";
import type { CompositionPlan } from "./compose-plan";
import type { OverlayImages } from "./overlay-images";
import { OUTPUT_FPS } from "./timeline";
import { transitionGraph } from "./transition-graph";

export interface ComposeGraphInput {
  plan: CompositionPlan;
  clipFiles: string[];
  introStill: string;
  outroStill: string;
  images: OverlayImages;
  /** The music as given, or the bed prepareMusicBed mastered; null for a silent ad. */
  musicFile: string | null;
  /** True when musicFile is already levelled and faded, false to normalise it with loudnorm. */
  musicMastered: boolean;
  darkText: boolean;
  vignette: boolean;
}

export interface ComposeCommand {
  inputs: FfmpegInput[];
  filterGraph: string;
  outputOptions: string[];
}

/** Final-delivery encoder settings (MEDIA.md: veryfast at CRF 21; medium costs 2× for a bigger file). */
const FINAL_VIDEO_SETTINGS = { fps: OUTPUT_FPS, crf: 21, preset: "veryfast" } as const;
/**
 * A bitrate ceiling on top of CRF keeps the size promise (under 15 MB for 12 s, audio
 * included) even for grainy or busy sources; ordinary footage stays well below it.
 */
const VIDEO_RATE_CAP = ["-maxrate", "8M", "-bufsize", "16M"];

/**
 * The final video's encoder options (also what the benchmark's encode floor uses). The
 * composition passes no frame count: the graph yields exactly the planned frames, and
 * ffmpeg 5.1 closes every stream of a file once one reaches its -frames limit, which cut the
 * music short by the encoder's look-ahead.
 */
export function finalVideoOutputOptions(frameCount?: number): string[] {
  return [...h264OutputOptions({ ...FINAL_VIDEO_SETTINGS, frameCount }), ...VIDEO_RATE_CAP];
}

/**
 * The whole ad as one filter graph and one encode: clips normalised and titled, cards built,
 * segments crossfaded and concatenated; the music on its own chain. Text arrives only as PNG
 * inputs.
 */
export function composeCommand(input: ComposeGraphInput): ComposeCommand {
  const { plan, images } = input;
  const inputs: FfmpegInput[] = [];
  const addInput = (entry: FfmpegInput) => inputs.push(entry) - 1;

  // Reading stops a little after the used part: a long source is not decoded to its end.
  const clipInputs = input.clipFiles.map((file, index) =>
    addInput({
      file,
      options: ["-t", ((plan.clips[index]?.frames ?? 0) / OUTPUT_FPS + 0.5).toFixed(3)],
    }),
  );
  const introStill = addInput({ file: input.introStill });
  const outroStill = addInput({ file: input.outroStill });
  const introText = addInput({ file: images.intro.file });
  const outroText = addInput({ file: images.outro.file });
  const titleInputs = new Map(
    [...images.titles].map(([region, image]) => [region, addInput({ file: image.file })]),
  );
  const musicInput = input.musicFile === null ? null : addInput({ file: input.musicFile });

  const { timeline, size } = plan;
  const segments = timeline.segments;
  const intro = segments[0];
  const outro = segments.at(-1);
  if (!intro || !outro) throw new Error("A timeline always has an intro and an outro");
  const card = {
    size,
    transitionFrames: timeline.transitionFrames,
    darkText: input.darkText,
    vignette: input.vignette,
  };
  const lines = [
    ...cardGraph({
      ...card,
      kind: "intro",
      stillInput: introStill,
      textInput: introText,
      text: images.intro,
      frames: intro.frames,
      output: "seg_intro",
    }),
    ...plan.clips.flatMap((clip, index) => {
      const title = images.titles.get(clip.titleRegion);
      const titleInput = titleInputs.get(clip.titleRegion);
      return clipGraph({
        index,
        clipInput: clipInputs[index] as number,
        framing: clip.framing,
        frames: clip.frames,
        size,
        title:
          title && titleInput !== undefined
            ? { input: title, inputIndex: titleInput, fades: clip.titleFades }
            : undefined,
        output: `seg_clip${index}`,
      });
    }),
    ...cardGraph({
      ...card,
      kind: "outro",
      stillInput: outroStill,
      textInput: outroText,
      text: images.outro,
      frames: outro.frames,
      output: "seg_outro",
    }),
    ...transitionGraph(
      [
        { label: "seg_intro", frames: intro.frames },
        ...plan.clips.map((clip, index) => ({ label: `seg_clip${index}`, frames: clip.frames })),
        { label: "seg_outro", frames: outro.frames },
      ],
      timeline.transitionFrames,
      "v",
    ),
  ];
  return {
    inputs,
    filterGraph: lines.join(";\n"),
    outputOptions: [
      // runFfmpeg hands fluent-ffmpeg a file: URL, which it does not treat as a file, so its
      // automatic -y is missing and a leftover output would stop ffmpeg.
      "-y",
      "-map",
      "[v]",
      ...(musicInput === null
        ? ["-an"]
        : audioOutputOptions({
            musicInput,
            fades: musicFades(timeline.totalDurationSec),
            mastered: input.musicMastered,
          })),
      ...finalVideoOutputOptions(),
    ],
  };
}
