import type { Family } from "./models";

/*
 * How our requests map onto each model family's input schema (checked on each model's
 * Replicate API page; the README lists the fields). One function per family keeps a new
 * model one entry here plus one row in the model table.
 */

const FLUX_RATIOS = [
  "1:1",
  "16:9",
  "9:16",
  "4:3",
  "3:4",
  "3:2",
  "2:3",
  "4:5",
  "5:4",
  "21:9",
  "9:21",
];

/** The FLUX aspect ratio closest to width × height (FLUX picks the pixel size itself). */
export function aspectRatioFor(width: number, height: number): string {
  const wanted = Math.log(width / height);
  const distance = (ratio: string) => {
    const [w = 1, h = 1] = ratio.split(":").map(Number);
    return Math.abs(Math.log(w / h) - wanted);
  };
  return FLUX_RATIOS.reduce((best, r) => (distance(r) < distance(best) ? r : best));
}

export function textInput(family: Family, req: { system: string; prompt: string }) {
  if (family !== "llama") throw new Error(`no text mapping for model family ${family}`);
  return {
    system_prompt: req.system,
    prompt: req.prompt,
    max_tokens: 2048,
    temperature: 0.2,
    top_p: 0.9,
  };
}

export function imageInput(
  family: Family,
  req: { prompt: string; seed: number; width: number; height: number; reference?: string },
) {
  const common = {
    prompt: req.prompt,
    seed: req.seed,
    output_format: "png",
    // go_fast trades determinism for speed; the seed must hold (STACK.md).
    go_fast: false,
  };
  if (family === "flux_kontext") {
    if (!req.reference) throw new Error("an image edit needs a reference image");
    return {
      ...common,
      input_image: req.reference,
      aspect_ratio: "match_input_image",
      safety_tolerance: 2,
    };
  }
  if (family !== "flux") throw new Error(`no image mapping for model family ${family}`);
  return {
    ...common,
    aspect_ratio: aspectRatioFor(req.width, req.height),
    num_outputs: 1,
    megapixels: "1",
  };
}

/** Seconds of video each family makes (and bills) for a clip of at most 4 s. */
export function videoSeconds(family: Family): number {
  // Kling makes 5 or 10 s only (anything else is a 422); Wan makes 81 frames at 16 fps.
  return family === "wan" ? 81 / 16 : 5;
}

export function videoInput(
  family: Family,
  req: { prompt: string; negativePrompt: string; image: Buffer; seed: number },
) {
  // A Buffer is uploaded by the client through Replicate's Files API and passed as a URL.
  if (family === "kling") {
    return {
      prompt: req.prompt,
      negative_prompt: req.negativePrompt,
      start_image: req.image,
      duration: 5,
      mode: "standard",
    };
  }
  if (family === "wan") {
    return {
      prompt: req.prompt,
      image: req.image,
      num_frames: 81,
      frames_per_second: 16,
      resolution: "480p",
      seed: req.seed,
    };
  }
  throw new Error(`no video mapping for model family ${family}`);
}

export function musicInput(
  family: Family,
  req: { prompt: string; durationSec: number; seed: number },
) {
  if (family !== "musicgen") throw new Error(`no music mapping for model family ${family}`);
  return {
    prompt: req.prompt,
    model_version: "stereo-large",
    // MusicGen makes whole seconds, at most 30; the compositor trims and masters the bed.
    duration: Math.min(30, Math.ceil(req.durationSec)),
    output_format: "wav",
    normalization_strategy: "loudness",
    seed: req.seed,
  };
}
