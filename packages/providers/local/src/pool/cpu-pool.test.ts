import { afterAll, describe, expect, it } from "vitest";
import { createLocalImageModel } from "../image/index";
import { renderImageTask } from "../image/render-task";
import { createLocalMusicModel } from "../music/index";
import { composeMusicTask } from "../music/compose-task";
import { closeCpuPool } from "./index";

afterAll(() => closeCpuPool());

const view = {
  prompt: "Front view of a matte black aluminium water bottle, studio lighting",
  negativePrompt: "blurry",
  viewType: "front",
  seed: 4242,
  width: 256,
  height: 256,
} as const;

describe("the CPU pool", () => {
  it("renders images byte for byte as this thread does", async () => {
    const model = createLocalImageModel();
    const views = [view, { ...view, viewType: "side" as const, seed: 7 }];
    const pooled = await Promise.all(views.map((v) => model.generate(v)));
    pooled.forEach((call, i) => {
      expect(Buffer.isBuffer(call.output.bytes)).toBe(true);
      expect(call.output.bytes.equals(renderImageTask(views[i]!))).toBe(true);
    });
  });

  it("composes music byte for byte as this thread does", async () => {
    const request = { genre: "chill", durationSec: 1.5, seed: 99 } as const;
    const call = await createLocalMusicModel().compose(request);
    expect(call.output.bytes.equals(composeMusicTask(request).bytes)).toBe(true);
    expect(call.output.durationSec).toBe(1.5);
  });

  it("runs the work on another thread", async () => {
    const { threadId } = await import("node:worker_threads");
    const { defineCpuTask } = await import("./index");
    const whichThread = defineCpuTask<null, number>(
      new URL("./thread-id.test-support.ts", import.meta.url),
      "currentThreadId",
    );
    expect(await whichThread(null)).not.toBe(threadId);
  });

  it("stops a task when its signal aborts", async () => {
    const controller = new AbortController();
    const call = createLocalImageModel().generate({
      ...view,
      width: 2048,
      height: 2048,
      signal: controller.signal,
    });
    controller.abort();
    await expect(call).rejects.toThrow(/abort/i);
  });
});
