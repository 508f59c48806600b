import { ModelCallError, type PromptParserModel } from "@adgen/agents";
import { parseProductPrompt } from "./rule-parser";

export const LOCAL_PROMPT_PARSER_ID = "local/rule-parser-v1";

/** The offline prompt parser: deterministic, instant and free. */
export function createLocalPromptParser(): PromptParserModel {
  return {
    id: LOCAL_PROMPT_PARSER_ID,
    async parse(request) {
      const started = performance.now();
      request.signal?.throwIfAborted();
      try {
        const output = parseProductPrompt(request);
        return {
          output,
          costUsd: 0,
          durationMs: performance.now() - started,
          model: LOCAL_PROMPT_PARSER_ID,
        };
      } catch (error) {
        throw new ModelCallError(
          `The prompt could not be parsed: ${error instanceof Error ? error.message : String(error)}`,
          {
            model: LOCAL_PROMPT_PARSER_ID,
            costUsd: 0,
            durationMs: performance.now() - started,
            retryable: false,
          },
        );
      }
    },
  };
}

export { parseProductPrompt, parseRequestSchema, type ParseRequest } from "./rule-parser";
export {
  readProductTraits,
  detectCategory,
  detectColours,
  detectMaterials,
  detectMoods,
  type ProductTraits,
} from "./product-traits";
export { consistencySeed } from "./consistency-seed";
export { COLOURS, type NamedColour } from "./colour-table";
export { MATERIALS, FINISHES, type Finish, type MaterialEntry } from "./material-table";
export { CATEGORIES, categoryEntry, type CategoryEntry } from "./category-table";
export { STYLE_MOODS, type StyleMood } from "./style-table";
export { PROMPT_PREFIX, STYLE_LABEL } from "./view-prompts";
