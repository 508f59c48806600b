import type { ImageModel } from "@adgen/agents";
import { callModel, choicesFor, type ReplicateContext } from "../client/call-model";
import { estimateUsd } from "../client/cost";
import { imageInput } from "../inputs";
import { downloadOutput } from "../output/download";
import { imageSize } from "../output/image-size";
import { outputUrls } from "../output/urls";

/** Replicate keeps outputs about an hour; a hero older than this is not used as a reference. */
const HERO_TTL_MS = 40 * 60_000;

interface Hero {
  /** The hero's output URL on Replicate, or null when the hero failed. */
  url: Promise<string | null>;
  at: number;
  /**
   * Views made with this hero. A view already made belongs to a new batch (another session
   * with the same seed); one asked again after failing is a retry and reuses the hero.
   */
  made: Set<string>;
}

/**
 * Images on FLUX, consistent across views: the first view of a batch (one consistency
 * seed) is the hero, made from text; the other views wait for it and are derived from it
 * with an identity-keeping edit model (FLUX Kontext), so every view shows the same
 * product. When the hero failed, a view is made from text with the same seed. A retried
 * job reuses its hero (while Replicate keeps it); a view type already made from it means a
 * new batch (another session with the same seed) and makes a new hero.
 */
export function createReplicateImageModel(ctx: ReplicateContext): ImageModel {
  const heroes = new Map<number, Hero>();
  const textChoices = choicesFor(ctx.config, "image");
  const editChoices = choicesFor(ctx.config, "image_edit");

  const render = async (
    req: Parameters<ImageModel["generate"]>[0],
    reference: string | null,
    onUrl?: (url: string) => void,
  ) => {
    const useEdit = reference !== null && editChoices.length > 0;
    const call = await callModel(ctx, {
      role: useEdit ? "image_edit" : "image",
      label: "image model",
      signal: req.signal,
      onBillable: req.onBillable,
      choices: useEdit ? editChoices : textChoices,
      input: (choice) =>
        imageInput(choice.family, {
          prompt: req.prompt,
          seed: req.seed,
          width: req.width,
          height: req.height,
          reference: choice.family === "flux_kontext" ? (reference ?? undefined) : undefined,
        }),
      produces: () => ({ images: 1 }),
      finish: async (prediction) => {
        const url = outputUrls(prediction.output)[0] ?? "";
        const file = await downloadOutput(url, {
          allowedHosts: ctx.config.outputHosts,
          maxBytes: ctx.config.maxOutputBytes,
          timeoutMs: ctx.config.downloadTimeoutMs,
          signal: req.signal,
        });
        onUrl?.(url);
        return file;
      },
    });
    const size = imageSize(call.output.bytes) ?? { width: req.width, height: req.height };
    return {
      ...call,
      output: { bytes: call.output.bytes, contentType: call.output.contentType, ...size },
    };
  };

  return {
    id: ctx.config.roles.image.model,
    // A derived view costs the edit model's price; budget for the dearer of the two.
    estimateCostUsd: () =>
      Math.max(
        estimateUsd(textChoices[0]?.price, { images: 1 }),
        estimateUsd(editChoices[0]?.price, { images: 1 }),
      ),
    async generate(req) {
      for (const [seed, hero] of heroes)
        if (Date.now() - hero.at > HERO_TTL_MS) heroes.delete(seed);
      const hero = heroes.get(req.seed);
      if (hero && !hero.made.has(req.viewType)) {
        const call = await render(req, await hero.url);
        hero.made.add(req.viewType);
        return call;
      }

      let settle: (url: string | null) => void = () => {};
      const url = new Promise<string | null>((resolve) => (settle = resolve));
      const made = new Set<string>();
      heroes.set(req.seed, { url, at: Date.now(), made });
      try {
        const call = await render(req, null, (url) => settle(url));
        made.add(req.viewType);
        return call;
      } catch (error) {
        if (heroes.get(req.seed)?.url === url) heroes.delete(req.seed);
        throw error;
      } finally {
        settle(null);
      }
    },
  };
}
