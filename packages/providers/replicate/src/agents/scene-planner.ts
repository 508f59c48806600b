import type { ScenePlannerModel } from "@adgen/agents";
import { CAMERA_MOVES, sceneSchema } from "@adgen/schemas";
import { z } from "zod";
import type { ReplicateContext } from "../client/call-model";
import { askForJson, llmEstimate } from "./json-chat";

const SYSTEM = `You direct short product-advertisement clips made from still photographs.
Answer with one JSON object and nothing else, in exactly this shape:
{ "scenes": [{ "imageId": "…", "cameraMove": one of ${JSON.stringify(CAMERA_MOVES)},
  "intensity": a number from 0 (barely moving) to 1 (energetic),
  "grade": one of ["neutral","warm","cool","vivid","moody"],
  "motionPrompt": "one sentence describing the camera and product motion for a video model" }] }
Give exactly one scene per image listed, with its imageId copied exactly. Vary the camera moves
so that the clips cut well together, and keep the product fully in frame.`;

const answerSchema = (imageIds: string[]) =>
  z
    .object({ scenes: z.array(sceneSchema) })
    .refine(
      (a) =>
        a.scenes.length === imageIds.length &&
        imageIds.every((id) => a.scenes.some((s) => s.imageId === id)),
      { message: `there must be one scene for each of the imageIds ${imageIds.join(", ")}` },
    );

export function createReplicateScenePlanner(ctx: ReplicateContext): ScenePlannerModel {
  return {
    id: ctx.config.roles.llm.model,
    estimateCostUsd: () => llmEstimate(ctx),
    async plan(req) {
      const images = req.images.map((i) => `- ${i.imageId}: ${i.viewType}`).join("\n");
      const call = await askForJson(ctx, {
        system: SYSTEM,
        prompt:
          `Product: ${req.productDescription}\nVideo idea: ${req.videoPrompt}\n` +
          `Images (imageId: viewType):\n${images}`,
        schema: answerSchema(req.images.map((i) => i.imageId)),
        signal: req.signal,
        onBillable: req.onBillable,
      });
      const order = new Map(req.images.map((i, index) => [i.imageId, index]));
      const scenes = [...call.output.scenes].sort(
        (a, b) => (order.get(a.imageId) ?? 0) - (order.get(b.imageId) ?? 0),
      );
      return { ...call, output: scenes };
    },
  };
}
