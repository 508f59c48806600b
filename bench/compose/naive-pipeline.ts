import { writeFile } from "node:fs/promises";
import path from "node:path";
import { finalVideoOutputOptions, outputSize, planTimeline } from "@adgen/compositor";
import { detectCapabilities, renderTextImage, runFfmpeg } from "@adgen/media";
import type { AspectRatio, OverlayFont } from "@adgen/schemas";

export interface NaiveInput {
  clips: { file: string; durationSec: number }[];
  stills: string[];
  productName: string;
  cta: string;
  font: OverlayFont;
  color: string;
  introDurationSec: number;
  outroDurationSec: number;
  aspectRatio: AspectRatio;
  musicFile: string;
  dir: string;
}

const FPS = 30;

/**
 * The multi-pass way, as tutorials and first versions do it, with real ffmpeg runs and the
 * same encoder settings at every step: render each card, normalise each clip, join with
 * crossfades, re-encode to add the title, then mux the music. Every pass decodes and
 * re-encodes what the previous one wrote. Its output is the same kind of ad, not a byte-equal one.
 */
export async function runNaivePipeline(input: NaiveInput): Promise<string> {
  const { width: W, height: H } = outputSize(input.aspectRatio);
  const timeline = planTimeline(input);
  const T = timeline.transitionSec;
  const file = (name: string) => path.join(input.dir, name);
  // -y: every run rewrites the same intermediate files.
  const encode = (frames: number) => ["-y", ...finalVideoOutputOptions(frames)];
  const text = async (name: string, value: string, maxHeight: number) => {
    const image = await renderTextImage({
      text: value,
      font: input.font,
      color: input.color,
      maxWidth: W - 240,
      maxHeight,
    });
    await writeFile(file(name), image.png);
    return file(name);
  };
  const [introText, outroText, titleText] = await Promise.all([
    text("naive-intro.png", input.productName, 300),
    text("naive-outro.png", input.cta, 300),
    text("naive-title.png", input.productName, 160),
  ]);

  // 1–2: the cards, each its own encode.
  const card = async (still: string, textFile: string, seconds: number, name: string) => {
    await runFfmpeg({
      inputs: [
        { file: still, options: ["-loop", "1", "-framerate", String(FPS), "-t", String(seconds)] },
        { file: textFile },
      ],
      filterGraph: `[0:v]scale=${W}:${H}:force_original_aspect_ratio=increase,crop=${W}:${H},boxblur=20:2,lutyuv=y=val*0.55,setsar=1[bg];[bg][1:v]overlay=(W-w)/2:(H-h)/2,format=yuv420p[v]`,
      outputOptions: ["-map", "[v]", ...encode(Math.round(seconds * FPS))],
      output: file(name),
    });
    return file(name);
  };
  const intro = await card(
    input.stills[0] as string,
    introText,
    input.introDurationSec,
    "naive-intro.mp4",
  );
  const outro = await card(
    input.stills.at(-1) as string,
    outroText,
    input.outroDurationSec,
    "naive-outro.mp4",
  );

  // 3–6: normalise every clip on its own.
  const normalised: string[] = [];
  for (const [index, clip] of input.clips.entries()) {
    const output = file(`naive-clip-${index}.mp4`);
    await runFfmpeg({
      inputs: [{ file: clip.file }],
      filterGraph: `[0:v]fps=${FPS},trim=duration=${clip.durationSec},setpts=PTS-STARTPTS,scale=${W}:${H}:force_original_aspect_ratio=increase,crop=${W}:${H},setsar=1,format=yuv420p[v]`,
      outputOptions: ["-map", "[v]", ...encode(Math.round(clip.durationSec * FPS))],
      output,
    });
    normalised.push(output);
  }

  // 7: join with crossfades (xfade where the build has it, plain cuts otherwise).
  const parts = [intro, ...normalised, outro];
  const lengths = [
    input.introDurationSec,
    ...input.clips.map((c) => c.durationSec),
    input.outroDurationSec,
  ];
  const hasXfade = (await detectCapabilities()).filters.xfade;
  let graph: string;
  if (hasXfade) {
    const steps: string[] = [];
    let previous = "0:v";
    let offset = 0;
    for (let i = 1; i < parts.length; i += 1) {
      offset += (lengths[i - 1] ?? 0) - T;
      const out = i === parts.length - 1 ? "v" : `x${i}`;
      steps.push(
        `[${previous}][${i}:v]xfade=transition=fade:duration=${T}:offset=${offset.toFixed(4)}[${out}]`,
      );
      previous = out;
    }
    graph = steps.join(";");
  } else {
    graph = `${parts.map((_, i) => `[${i}:v]`).join("")}concat=n=${parts.length}:v=1:a=0[v]`;
  }
  await runFfmpeg({
    inputs: parts.map((part) => ({ file: part })),
    filterGraph: graph,
    outputOptions: ["-map", "[v]", ...encode(timeline.totalFrames)],
    output: file("naive-joined.mp4"),
  });

  // 8: re-encode everything to put the title over the clip section.
  const clipsStart = input.introDurationSec;
  const clipsEnd = timeline.totalDurationSec - input.outroDurationSec;
  await runFfmpeg({
    inputs: [{ file: file("naive-joined.mp4") }, { file: titleText }],
    filterGraph: `[0:v][1:v]overlay=x=(W-w)/2:y=H-h-80:enable='between(t,${clipsStart},${clipsEnd})',format=yuv420p[v]`,
    outputOptions: ["-map", "[v]", ...encode(timeline.totalFrames)],
    output: file("naive-titled.mp4"),
  });

  // 9: mux the normalised, faded music (video copied).
  const total = timeline.totalDurationSec;
  await runFfmpeg({
    inputs: [{ file: file("naive-titled.mp4") }, { file: input.musicFile }],
    filterGraph: `[1:a]aformat=channel_layouts=stereo,atrim=duration=${total},loudnorm=I=-16:TP=-2:LRA=11,aresample=48000,aformat=channel_layouts=stereo,afade=t=in:d=0.5,afade=t=out:st=${total - 1}:d=1[a]`,
    outputOptions: [
      "-y",
      "-map",
      "0:v",
      "-map",
      "[a]",
      "-c:v",
      "copy",
      "-c:a",
      "aac",
      "-b:a",
      "160k",
      "-movflags",
      "+faststart",
      "-f",
      "mp4",
    ],
    output: file("naive-final.mp4"),
  });
  return file("naive-final.mp4");
}
