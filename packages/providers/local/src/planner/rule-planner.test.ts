import { describe, expect, it } from "vitest";
import { sceneSchema } from "@adgen/agents";
import { createLocalScenePlanner, LOCAL_SCENE_PLANNER_ID } from "./index";
import { planScenes } from "./rule-planner";

const images = ["front", "three_quarter", "side", "detail", "lifestyle", "in_use"].map(
  (viewType, i) => ({ imageId: `img-${i}`, viewType }),
);
const product =
  "red running shoe with white sole, a running shoe in red and white, made of mesh and rubber";

describe("planScenes", () => {
  it("plans one valid scene per image, in order", () => {
    const scenes = planScenes({
      videoPrompt: "The shoe on a studio set",
      productDescription: product,
      images,
    });
    expect(scenes.map((scene) => scene.imageId)).toEqual(images.map((image) => image.imageId));
    for (const scene of scenes) {
      expect(sceneSchema.safeParse(scene).success).toBe(true);
      expect(scene.motionPrompt).toContain("red running shoe with white sole");
    }
  });

  it("never gives neighbouring clips the same camera move, and varies them", () => {
    const same = Array.from({ length: 8 }, (_, i) => ({ imageId: `f${i}`, viewType: "front" }));
    for (const batch of [images, same, images.slice(0, 2)]) {
      const moves = planScenes({
        videoPrompt: "slow orbit around the product",
        productDescription: product,
        images: batch,
      }).map((s) => s.cameraMove);
      for (let i = 1; i < moves.length; i += 1) expect(moves[i]).not.toBe(moves[i - 1]);
      if (batch.length >= 4) expect(new Set(moves).size).toBeGreaterThanOrEqual(3);
    }
  });

  it("leads with a camera move the prompt asks for", () => {
    const scenes = planScenes({
      videoPrompt: "A slow orbit around the bottle",
      productDescription: "a bottle",
      images,
    });
    expect(scenes[0]!.cameraMove).toBe("orbit");
  });

  it("reads intensity from the prompt's words", () => {
    const intensity = (videoPrompt: string) =>
      planScenes({ videoPrompt, productDescription: product, images: images.slice(0, 2) })[0]!
        .intensity;
    expect(intensity("Energetic, fast cuts with dynamic moves")).toBeGreaterThanOrEqual(0.8);
    expect(intensity("Calm and elegant, a slow reveal")).toBeLessThanOrEqual(0.3);
    expect(intensity("The product on a table")).toBe(0.5);
  });

  it("picks the grade from mood words", () => {
    const grade = (videoPrompt: string) =>
      planScenes({ videoPrompt, productDescription: product, images: images.slice(0, 2) })[0]!
        .grade;
    expect(grade("golden sunset on the beach")).toBe("warm");
    expect(grade("futuristic tech lab")).toBe("cool");
    expect(grade("bold vivid pop colours")).toBe("vivid");
    expect(grade("moody and dark night shoot")).toBe("moody");
    expect(grade("the product on a table")).toBe("neutral");
  });

  it("is deterministic", () => {
    const request = {
      videoPrompt: "Dynamic sporty shots, fast",
      productDescription: product,
      images,
    };
    expect(planScenes(request)).toEqual(planScenes(request));
  });
});

describe("createLocalScenePlanner", () => {
  it("reports a free call under its model id", async () => {
    const planner = createLocalScenePlanner();
    const call = await planner.plan({
      videoPrompt: "Elegant slow reveal of the watch",
      productDescription: "a silver watch",
      images: images.slice(0, 3),
    });
    expect(call.model).toBe(LOCAL_SCENE_PLANNER_ID);
    expect(call.costUsd).toBe(0);
    expect(call.output).toHaveLength(3);
  });
});
