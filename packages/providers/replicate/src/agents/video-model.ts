import type { VideoModel } from "@adgen/agents";
import { callModel, choicesFor, type ReplicateContext } from "../client/call-model";
import { estimateUsd } from "../client/cost";
import { videoInput, videoSeconds } from "../inputs";
import { downloadOutput } from "../output/download";
import { trimClip } from "../output/trim-clip";
import { outputUrls } from "../output/urls";

const GRADE_WORDS = {
  neutral: "natural colour",
  warm: "warm golden light",
  cool: "cool clean light",
  vivid: "vivid saturated colour",
  moody: "moody low-key light",
} as const;

/** The scene planner's scene as words for a video model. */
function scenePrompt(scene: Parameters<VideoModel["animate"]>[0]["scene"]): string {
  const pace =
    scene.intensity > 0.66 ? "dynamic" : scene.intensity > 0.33 ? "smooth" : "slow, subtle";
  return `${scene.motionPrompt}. Camera: ${pace} ${scene.cameraMove.replace("_", " ")}. ${GRADE_WORDS[scene.grade]}, commercial product shot, the product stays fully in frame.`;
}

/**
 * Clips on an image-to-video model from the approved still. The model makes 5 s (and
 * bills them); the clip is cut to exactly the asked 2–4 s.
 */
export function createReplicateVideoModel(ctx: ReplicateContext): VideoModel {
  const choices = choicesFor(ctx.config, "video");
  return {
    id: ctx.config.roles.video.model,
    estimateCostUsd: () => {
      const first = choices[0];
      return first ? estimateUsd(first.price, { outputSeconds: videoSeconds(first.family) }) : 0;
    },
    async animate(req) {
      const call = await callModel(ctx, {
        role: "video",
        label: "video model",
        signal: req.signal,
        onBillable: req.onBillable,
        input: (choice) =>
          videoInput(choice.family, {
            prompt: scenePrompt(req.scene),
            negativePrompt: "text, watermark, logo, distorted product, extra objects, blur",
            image: req.image,
            seed: req.seed,
          }),
        produces: (choice) => ({ outputSeconds: videoSeconds(choice.family) }),
        finish: async (prediction) => {
          const file = await downloadOutput(outputUrls(prediction.output)[0] ?? "", {
            allowedHosts: ctx.config.outputHosts,
            maxBytes: ctx.config.maxOutputBytes,
            timeoutMs: ctx.config.downloadTimeoutMs,
            signal: req.signal,
          });
          return trimClip(file.bytes, req.durationSec, req.signal);
        },
      });
      const { bytes, width, height, fps, durationSec } = call.output;
      return {
        ...call,
        output: { bytes, contentType: "video/mp4" as const, width, height, fps, durationSec },
      };
    },
  };
}
