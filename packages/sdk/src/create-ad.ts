import type { AdgenClient } from "./client";
import { AdgenError, toAdgenError } from "./errors";
import type { Stage } from "@adgen/schemas";
import type { AdSession, GeneratedClip, GeneratedImage } from "./router";
import { checkAdSpec, type AdSpec } from "./spec";
import type { WatchedEvent } from "./watch";

export type { AdSpec } from "./spec";

/**
 * Which items to approve: all of them, the first N, or a callback that returns the chosen
 * ids in order (for clips, the order of the final video).
 */
export type Approval<T> =
  "all" | number | ((items: T[], session: AdSession) => string[] | Promise<string[]>);

export interface ApprovePolicy {
  /** Default: the first 3 images (at least 2 are needed). */
  images?: Approval<GeneratedImage>;
  /** Default: every clip, in the order they were made. */
  clips?: Approval<GeneratedClip>;
}

export interface CreateAdOptions {
  onProgress?: (event: WatchedEvent) => void;
  /** Called once the ad exists, with its id (to resume with `watch` or look it up). */
  onSession?: (sessionId: string) => void;
  /** Stops waiting: rejects with an AdgenError of kind "cancelled" carrying the session id. */
  signal?: AbortSignal;
  /** "all", a number (the first N of images and clips) or a policy per step. */
  approve?: "all" | number | ApprovePolicy;
  /** Continue this existing ad from its current stage instead of starting a new one. */
  resume?: string;
}

export interface CreatedAd {
  sessionId: string;
  /** The finished ad: `finalVideo`, `totalCost`, the approved ids and the clip order. */
  session: AdSession;
}

async function choose<T extends { id: string }>(
  approval: Approval<T>,
  items: T[],
  session: AdSession,
): Promise<string[]> {
  if (approval === "all") return items.map((item) => item.id);
  if (typeof approval === "number") return items.slice(0, approval).map((item) => item.id);
  return approval(items, session);
}

function policy(approve: CreateAdOptions["approve"]): Required<ApprovePolicy> {
  if (approve === undefined || typeof approve === "object")
    return { images: approve?.images ?? 3, clips: approve?.clips ?? "all" };
  return { images: approve, clips: approve };
}

const RESTING: Stage[] = ["created", "image_selection", "clip_selection", "complete", "failed"];

/**
 * The whole flow in one call: what a batch tool does when no person reviews the steps. The
 * spec is checked before anything is created, so a bad spec costs nothing and leaves no ad.
 * Each turn reads the ad's stage and does what that stage needs, so `resume` continues an
 * ad from wherever it stopped (after Ctrl-C, say) with the same spec.
 */
export async function createAd(
  client: AdgenClient,
  spec: AdSpec,
  options: CreateAdOptions = {},
): Promise<CreatedAd> {
  const checked = checkAdSpec(spec);
  if (!checked.ok) {
    const [field, messages] = Object.entries(checked.fieldErrors)[0]!;
    throw new AdgenError("validation", `${field}: ${messages[0]}`, {
      fieldErrors: checked.fieldErrors,
    });
  }
  const ad = checked.spec;
  const approve = policy(options.approve);
  const { trpc } = client;
  const { signal } = options;
  const sessionId = options.resume ?? (await trpc.sessions.create.mutate()).sessionId;
  options.onSession?.(sessionId);
  let lastEventId: string | undefined;

  try {
    for (;;) {
      if (signal?.aborted) throw new AdgenError("cancelled", "Stopped waiting for the ad.");
      const session = await trpc.sessions.get.query({ sessionId });
      switch (session.stage) {
        case "created":
          try {
            await trpc.generation.generateImages.mutate({
              sessionId,
              productPrompt: ad.productPrompt,
              numImages: ad.numImages,
              styleKeywords: ad.styleKeywords,
            });
          } catch (error) {
            // Refused input leaves no empty ad behind.
            if (!options.resume)
              await trpc.sessions.delete.mutate({ sessionId }).catch(() => undefined);
            throw error;
          }
          break;
        case "image_selection":
          await trpc.generation.saveApprovedImages.mutate({
            sessionId,
            approvedImageIds: await choose(approve.images, session.generatedImages, session),
          });
          await trpc.generation.generateClips.mutate({
            sessionId,
            videoPrompt: ad.videoPrompt,
            clipDuration: ad.clipDuration,
          });
          break;
        case "clip_selection": {
          const order = await choose(approve.clips, session.generatedClips, session);
          await trpc.generation.saveApprovedClips.mutate({
            sessionId,
            approvedClipIds: order,
            clipOrder: order,
          });
          const music = ad.music && ad.music !== "none" ? ad.music : undefined;
          await trpc.generation.composeFinalVideo.mutate({
            sessionId,
            textOverlay: {
              productName: ad.productName,
              cta: ad.cta,
              font: ad.font,
              color: ad.color,
            },
            audio: music ? { enabled: true, genre: music } : { enabled: false },
            aspectRatio: ad.aspectRatio,
            introDuration: ad.introDuration,
            outroDuration: ad.outroDuration,
          });
          break;
        }
        case "complete":
          return { sessionId, session };
        case "failed":
          throw new AdgenError("failed", session.error ?? "The ad failed.");
        default: {
          // A step is running: wait for the event that ends it, then look again.
          const done = await client.waitForStep(sessionId, {
            stages: RESTING,
            lastEventId,
            signal,
            onEvent: options.onProgress,
          });
          lastEventId = done.id;
        }
      }
    }
  } catch (error) {
    const failure = toAdgenError(error);
    failure.sessionId ??= sessionId;
    throw failure;
  }
}
