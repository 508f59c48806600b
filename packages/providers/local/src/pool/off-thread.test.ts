import { afterAll, describe, expect, it, vi } from "vitest";
import { createLocalImageModel } from "../image/index";
import type * as renderModule from "../image/render-studio-image";
import { renderStudioImage } from "../image/render-studio-image";
import type * as bedModule from "../music/compose-bed";
import { composeBed } from "../music/compose-bed";
import { createLocalMusicModel } from "../music/index";
import { closeCpuPool } from "./index";

// Spies in this thread only: pool threads load the real modules, so a call seen here means
// the work ran on the thread that serves sockets.
vi.mock("../image/render-studio-image", async (importOriginal) => {
  const actual = await importOriginal<typeof renderModule>();
  return { ...actual, renderStudioImage: vi.fn(actual.renderStudioImage) };
});
vi.mock("../music/compose-bed", async (importOriginal) => {
  const actual = await importOriginal<typeof bedModule>();
  return { ...actual, composeBed: vi.fn(actual.composeBed) };
});

afterAll(() => closeCpuPool());

describe("CPU-bound local models", () => {
  it("render images off this thread", async () => {
    const call = await createLocalImageModel().generate({
      prompt: "Front view of a red ceramic mug",
      negativePrompt: "",
      viewType: "front",
      seed: 1,
      width: 128,
      height: 128,
    });
    expect(call.output.bytes.subarray(1, 4).toString()).toBe("PNG");
    expect(renderStudioImage).not.toHaveBeenCalled();
  });

  it("compose music off this thread", async () => {
    const call = await createLocalMusicModel().compose({
      genre: "upbeat",
      durationSec: 1,
      seed: 3,
    });
    expect(call.output.bytes.subarray(0, 4).toString()).toBe("RIFF");
    expect(composeBed).not.toHaveBeenCalled();
  });
});
