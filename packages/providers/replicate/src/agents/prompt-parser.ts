import { createHash } from "node:crypto";
import type { PromptParserModel } from "@adgen/agents";
import { parsedPromptSchema, PRODUCT_CATEGORIES, VIEW_TYPES } from "@adgen/schemas";
import { z } from "zod";
import type { ReplicateContext } from "../client/call-model";
import { askForJson, llmEstimate } from "./json-chat";

const SYSTEM = `You write image prompts for product advertisements.
Answer with one JSON object and nothing else, in exactly this shape:
{
  "category": one of ${JSON.stringify(PRODUCT_CATEGORIES)},
  "productDescription": "one sentence naming the product, its colours and materials",
  "colors": [{ "name": "navy blue", "hex": "#1F2A44" }],
  "materials": ["leather"],
  "styleKeywords": ["minimal"],
  "views": [{ "viewType": one of ${JSON.stringify(VIEW_TYPES)}, "prompt": "…", "negativePrompt": "…" }]
}
Rules: "hex" is # and six upper-case hexadecimal digits. Give exactly the number of views asked,
each a different viewType, the first one "front" (the hero shot). Every view prompt describes the
same product with the same colours, materials and details, as a studio-lit commercial product
photograph, and says which view it is. negativePrompt lists what must not appear (text, logos,
watermarks, extra products, hands unless the view is in_use or lifestyle).`;

/** The model's part of the answer; the seed is ours (same prompt → same seed). */
const answerSchema = (numViews: number) =>
  parsedPromptSchema
    .omit({ consistencySeed: true })
    .extend({
      colors: z
        .array(z.object({ name: z.string(), hex: z.string().transform((h) => h.toUpperCase()) }))
        .min(1),
    })
    .refine((a) => a.views.length === numViews, {
      message: `there must be exactly ${numViews} views`,
      path: ["views"],
    });

export function consistencySeedFor(productPrompt: string, styleKeywords: string[]): number {
  const digest = createHash("sha256")
    .update(`${productPrompt.trim().toLowerCase()}|${styleKeywords.join(",")}`)
    .digest();
  return digest.readUInt32BE(0) & 0x7fffffff;
}

export function createReplicatePromptParser(ctx: ReplicateContext): PromptParserModel {
  return {
    id: ctx.config.roles.llm.model,
    estimateCostUsd: () => llmEstimate(ctx),
    async parse(req) {
      const styles = req.styleKeywords.length ? req.styleKeywords.join(", ") : "none";
      const call = await askForJson(ctx, {
        system: SYSTEM,
        prompt:
          `Product description: ${req.productPrompt}\nStyle keywords: ${styles}\n` +
          `Number of views: ${req.numViews}`,
        schema: answerSchema(req.numViews),
        signal: req.signal,
        onBillable: req.onBillable,
      });
      // The same zod schema as the local provider's output, seed included.
      const output = parsedPromptSchema.parse({
        ...call.output,
        consistencySeed: consistencySeedFor(req.productPrompt, req.styleKeywords),
      });
      return { ...call, output };
    },
  };
}
