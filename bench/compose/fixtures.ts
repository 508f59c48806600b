import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { ClipAnalysis } from "@adgen/agents";
import { planTimeline } from "@adgen/compositor";
import { createLocalProvider } from "@adgen/provider-local";

/** The realistic ad MEDIA.md measured: 1 s intro, four 3 s clips of mixed sources, 1 s outro, music. */
export const CLIP_SPECS = [
  { width: 1024, height: 1024, fps: 24 },
  { width: 1024, height: 576, fps: 30 },
  { width: 1024, height: 1024, fps: 30 },
  { width: 1024, height: 576, fps: 24 },
] as const;
export const CLIP_SECONDS = 3;
export const CARD_SECONDS = 1;

export interface BenchFixtures {
  stills: string[];
  clips: { file: string; durationSec: number; analysis: ClipAnalysis }[];
  musicFile: string;
  totalDurationSec: number;
}

/**
 * Makes the ad's material the way the product does, offline: the rule parser's view prompts,
 * studio renders from the local image model, camera-move clips from the local video model,
 * the analyst's description of each clip, and a music bed of the exact length.
 */
export async function makeFixtures(dir: string): Promise<BenchFixtures> {
  const provider = createLocalProvider();
  const parsed = await provider.promptParser.parse({
    productPrompt: "a matte black insulated water bottle with a bamboo lid",
    styleKeywords: ["studio", "premium"],
    numViews: 4,
  });
  const views = parsed.output.views.slice(0, CLIP_SPECS.length);
  const scenes = await provider.scenePlanner.plan({
    videoPrompt: "slow premium reveal with soft camera moves",
    productDescription: parsed.output.productDescription,
    images: views.map((view, index) => ({ imageId: `image-${index}`, viewType: view.viewType })),
  });

  const clips = await Promise.all(
    CLIP_SPECS.map(async (spec, index) => {
      const view = views[index % views.length];
      const scene = scenes.output[index % scenes.output.length];
      if (!view || !scene) throw new Error("The planner returned fewer scenes than images");
      const image = await provider.imageModel.generate({
        prompt: view.prompt,
        negativePrompt: view.negativePrompt,
        viewType: view.viewType,
        seed: parsed.output.consistencySeed,
        width: spec.width,
        height: spec.height,
      });
      const still = path.join(dir, `still-${index}.png`);
      await writeFile(still, image.output.bytes);
      const clip = await provider.videoModel.animate({
        image: image.output.bytes,
        scene,
        durationSec: CLIP_SECONDS,
        fps: spec.fps,
        seed: parsed.output.consistencySeed + index,
      });
      const file = path.join(dir, `clip-${index}.mp4`);
      await writeFile(file, clip.output.bytes);
      const analysis = await provider.videoAnalyst.analyse({ video: clip.output.bytes });
      return { still, clip: { file, durationSec: CLIP_SECONDS, analysis: analysis.output } };
    }),
  );

  const timeline = planTimeline({
    clips: clips.map((entry) => entry.clip),
    introDurationSec: CARD_SECONDS,
    outroDurationSec: CARD_SECONDS,
  });
  const music = await provider.musicModel.compose({
    genre: "upbeat",
    durationSec: timeline.totalDurationSec,
    seed: parsed.output.consistencySeed,
  });
  const musicFile = path.join(dir, "music.wav");
  await writeFile(musicFile, music.output.bytes);
  return {
    stills: clips.map((entry) => entry.still),
    clips: clips.map((entry) => entry.clip),
    musicFile,
    totalDurationSec: timeline.totalDurationSec,
  };
}
