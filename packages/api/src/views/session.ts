import {
  listSessionAssets,
  parseAssetMetadata,
  parseLastRequest,
  type AssetRow,
  type SessionRow,
} from "@adgen/db";
import { microsToUsd, type CompositionRequest } from "@adgen/schemas";
import type { Context } from "../context";

function imageView(asset: AssetRow, url: string) {
  return {
    id: asset.id,
    url,
    viewType: asset.viewType,
    seed: asset.seed,
    width: asset.width,
    height: asset.height,
    approved: asset.approved,
    cost: microsToUsd(asset.costMicros),
    model: asset.model,
    createdAt: asset.createdAt,
  };
}

function clipView(asset: AssetRow, url: string) {
  return {
    id: asset.id,
    url,
    sourceImageId: asset.sourceImageId,
    duration: asset.duration,
    resolution: asset.width && asset.height ? `${asset.width}x${asset.height}` : null,
    fps: asset.fps,
    approved: asset.approved,
    cost: microsToUsd(asset.costMicros),
    model: asset.model,
    createdAt: asset.createdAt,
  };
}

function finalVideoView(asset: AssetRow, url: string) {
  return {
    id: asset.id,
    url,
    duration: asset.duration,
    resolution: asset.width && asset.height ? `${asset.width}x${asset.height}` : null,
    fps: asset.fps,
    fileSizeMb: Math.round((asset.byteSize / (1024 * 1024)) * 100) / 100,
    format: "mp4" as const,
    cost: microsToUsd(asset.costMicros),
    createdAt: asset.createdAt,
  };
}

/**
 * Images of one run finish in any order; show them in the order the views were planned,
 * runs oldest first.
 */
function inPlannedOrder(images: AssetRow[]): AssetRow[] {
  const runs = new Map<string, { asset: AssetRow; viewIndex: number }[]>();
  for (const asset of images) {
    const { runId, viewIndex } = parseAssetMetadata(asset, "image");
    runs.set(runId, [...(runs.get(runId) ?? []), { asset, viewIndex }]);
  }
  return [...runs.values()].flatMap((run) =>
    run.sort((a, b) => a.viewIndex - b.viewIndex).map((image) => image.asset),
  );
}

/**
 * The composition last asked for (even one that failed, so "try again" and the form agree),
 * else the one that made the video shown; the finish form starts from it.
 */
function lastComposition(
  session: SessionRow,
  finalVideo: AssetRow | undefined,
): CompositionRequest | null {
  const request = parseLastRequest(session);
  if (request?.step === "composeFinalVideo") {
    const { textOverlay, audio, aspectRatio, introDuration, outroDuration } = request;
    return { textOverlay, audio, aspectRatio, introDuration, outroDuration };
  }
  return finalVideo ? parseAssetMetadata(finalVideo, "final_video").request : null;
}

/** The whole session as `sessions.get` returns it (DESIGN.md, API table). */
export async function loadSessionView(ctx: Pick<Context, "db" | "mediaUrl">, session: SessionRow) {
  const rows = await listSessionAssets(ctx.db, session.id);
  const assets = [
    ...inPlannedOrder(rows.filter((a) => a.type === "image")),
    ...rows.filter((a) => a.type !== "image"),
  ];
  const withUrls = await Promise.all(
    assets.map(async (a) => ({ asset: a, url: await ctx.mediaUrl(a.storageKey) })),
  );
  const images = withUrls
    .filter((x) => x.asset.type === "image")
    .map((x) => imageView(x.asset, x.url));
  const clips = withUrls
    .filter((x) => x.asset.type === "video")
    .map((x) => clipView(x.asset, x.url));
  const finals = withUrls
    .filter((x) => x.asset.type === "final_video")
    .map((x) => finalVideoView(x.asset, x.url));
  const current = finals.find((f) => f.id === session.finalVideoAssetId) ?? null;
  return {
    id: session.id,
    stage: session.stage,
    lastGoodStage: session.lastGoodStage,
    productPrompt: session.productPrompt,
    videoPrompt: session.videoPrompt,
    consistencySeed: session.consistencySeed,
    styleKeywords: session.styleKeywords,
    generatedImages: images,
    approvedImageIds: images.filter((i) => i.approved).map((i) => i.id),
    generatedClips: clips,
    approvedClipIds: clips.filter((c) => c.approved).map((c) => c.id),
    clipOrder: session.clipOrder,
    finalVideo: current,
    /** Earlier compositions stay listed after a recompose. */
    finalVideos: finals,
    /** What the next composition starts from (`null` before the first one). */
    lastComposition: lastComposition(
      session,
      rows.find((a) => a.type === "final_video" && a.id === session.finalVideoAssetId),
    ),
    totalCost: microsToUsd(session.totalCostMicros),
    budget: microsToUsd(session.budgetMicros),
    error: session.error,
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
  };
}
