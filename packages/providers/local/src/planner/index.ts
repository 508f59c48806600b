import { ModelCallError, type ScenePlannerModel } from "@adgen/agents";
import { planScenes } from "./rule-planner";

export const LOCAL_SCENE_PLANNER_ID = "local/rule-planner-v1";

/** The offline scene planner: deterministic, instant and free. */
export function createLocalScenePlanner(): ScenePlannerModel {
  return {
    id: LOCAL_SCENE_PLANNER_ID,
    async plan(request) {
      const started = performance.now();
      request.signal?.throwIfAborted();
      try {
        return {
          output: planScenes(request),
          costUsd: 0,
          durationMs: performance.now() - started,
          model: LOCAL_SCENE_PLANNER_ID,
        };
      } catch (error) {
        throw new ModelCallError(
          `The scenes could not be planned: ${error instanceof Error ? error.message : String(error)}`,
          {
            model: LOCAL_SCENE_PLANNER_ID,
            costUsd: 0,
            durationMs: performance.now() - started,
            retryable: false,
          },
        );
      }
    },
  };
}

export { planScenes, planRequestSchema, type PlanRequest } from "./rule-planner";
export { gradeFor, intensityFor, requestedMoves } from "./scene-rules";
