import type { Provider } from "@adgen/agents";
import { createLocalVideoAnalyst } from "./analyst/index";
import { createLocalImageModel } from "./image/index";
import { createLocalMusicModel } from "./music/index";
import { createLocalPromptParser } from "./parser/index";
import { createLocalScenePlanner } from "./planner/index";
import { createLocalVideoModel } from "./video/index";

/** Offline, deterministic, free: the whole product works with no network and no keys. */
export function createLocalProvider(): Provider {
  return {
    name: "local",
    promptParser: createLocalPromptParser(),
    imageModel: createLocalImageModel(),
    scenePlanner: createLocalScenePlanner(),
    videoModel: createLocalVideoModel(),
    videoAnalyst: createLocalVideoAnalyst(),
    musicModel: createLocalMusicModel(),
  };
}
