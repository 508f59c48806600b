import type { AspectRatio, MusicGenre, OverlayFont, ProgressEvent } from "@adgen/schemas";
import type { AdgenClient } from "./client";

export interface MakeAdOptions {
  productPrompt: string;
  videoPrompt: string;
  productName: string;
  cta: string;
  numImages?: number;
  /** How many images to approve (the first ones, in the planned view order). */
  approveImages?: number;
  clipDuration?: number;
  music?: MusicGenre | null;
  aspectRatio?: AspectRatio;
  font?: OverlayFont;
  color?: string;
  styleKeywords?: string[];
  onEvent?: (event: ProgressEvent) => void;
}

/**
 * The whole flow in one call, approving the first images and every clip in order: what
 * a batch tool does when no person reviews the steps. Returns the session and the MP4 bytes.
 */
export async function makeAd(client: AdgenClient, options: MakeAdOptions) {
  const { trpc } = client;
  const { sessionId } = await trpc.sessions.create.mutate();
  try {
    await trpc.generation.generateImages.mutate({
      sessionId,
      productPrompt: options.productPrompt,
      numImages: options.numImages ?? 6,
      styleKeywords: options.styleKeywords ?? [],
    });
  } catch (error) {
    // Refused input leaves no empty ad behind.
    await trpc.sessions.delete.mutate({ sessionId }).catch(() => undefined);
    throw error;
  }
  let last = await client.waitForStep(sessionId, {
    stages: ["image_selection"],
    onEvent: options.onEvent,
  });

  let session = await trpc.sessions.get.query({ sessionId });
  const approved = session.generatedImages
    .slice(0, Math.max(2, options.approveImages ?? 3))
    .map((i) => i.id);
  await trpc.generation.saveApprovedImages.mutate({ sessionId, approvedImageIds: approved });
  await trpc.generation.generateClips.mutate({
    sessionId,
    videoPrompt: options.videoPrompt,
    clipDuration: options.clipDuration ?? 3,
  });
  last = await client.waitForStep(sessionId, {
    stages: ["clip_selection"],
    lastEventId: last.id,
    onEvent: options.onEvent,
  });

  session = await trpc.sessions.get.query({ sessionId });
  const order = session.generatedClips.map((c) => c.id);
  await trpc.generation.saveApprovedClips.mutate({
    sessionId,
    approvedClipIds: order,
    clipOrder: order,
  });
  await trpc.generation.composeFinalVideo.mutate({
    sessionId,
    textOverlay: {
      productName: options.productName,
      cta: options.cta,
      font: options.font ?? "montserrat",
      color: options.color ?? "#FFFFFF",
    },
    audio: options.music
      ? { enabled: true, genre: options.music }
      : { enabled: false, genre: "upbeat" },
    aspectRatio: options.aspectRatio ?? "16:9",
  });
  await client.waitForStep(sessionId, {
    stages: ["complete"],
    lastEventId: last.id,
    onEvent: options.onEvent,
  });

  session = await trpc.sessions.get.query({ sessionId });
  if (!session.finalVideo) throw new Error("The session completed without a video.");
  return { session, video: await client.download(session.finalVideo.url) };
}
