import { listSessionAssets, type AssetRow, type SessionRow } from "@adgen/db";
import { microsToUsd } from "@adgen/schemas";
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
    metadata: asset.metadata,
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
    metadata: asset.metadata,
    cost: microsToUsd(asset.costMicros),
    createdAt: asset.createdAt,
  };
}

/**
 * Images of one run finish in any order; show them in the order the views were planned,
 * runs oldest first.
 */
function inPlannedOrder(images: AssetRow[]): AssetRow[] {
  const runs = new Map<string, AssetRow[]>();
  for (const image of images) {
    const run = String(image.metadata.runId ?? image.id);
    runs.set(run, [...(runs.get(run) ?? []), image]);
  }
  const index = (a: AssetRow) => Number(a.metadata.viewIndex ?? 0);
  return [...runs.values()].flatMap((group) => group.sort((a, b) => index(a) - index(b)));
}

/** The whole session as `sessions.get` returns it (DESIGN.md, API table). */
export async function loadSessionView(ctx: Pick<Context, "db" | "mediaUrl">, session: SessionRow) {
  const rows = await listSessionAssets(ctx.db, session.id);
  const assets = [...inPlannedOrder(rows.filter((a) => a.type === "image")), ...rows.filter((a) => a.type !== "image")];
  const withUrls = await Promise.all(assets.map(async (a) => ({ asset: a, url: await ctx.mediaUrl(a.storageKey) })));
  const images = withUrls.filter((x) => x.asset.type === "image").map((x) => imageView(x.asset, x.url));
  const clips = withUrls.filter((x) => x.asset.type === "video").map((x) => clipView(x.asset, x.url));
  const finals = withUrls.filter((x) => x.asset.type === "final_video").map((x) => finalVideoView(x.asset, x.url));
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
    totalCost: microsToUsd(session.totalCostMicros),
    budget: microsToUsd(session.budgetMicros),
    error: session.error,
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
  };
}
