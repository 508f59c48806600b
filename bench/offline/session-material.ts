import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { VideoModel } from "@adgen/agents";
import { requestedLook, type ComposeInput } from "@adgen/compositor";
import {
  listApprovedAssets,
  listSessionAssets,
  parseAssetMetadata,
  type AssetRow,
  type Database,
  type SessionRow,
} from "@adgen/db";
import { composeFinalVideoInput } from "@adgen/schemas";
import type { Storage } from "@adgen/storage";
import { FLOW } from "./server-flow";

export interface ClipMaterial {
  /** The request the clip step made, rebuilt from what it stored. */
  request: Parameters<VideoModel["animate"]>[0];
  /** The clip as stored. */
  bytes: Buffer;
}

/** What a finished flow made, read back from the database and storage, for the floors. */
export interface SessionMaterial {
  imagePngs: Buffer[];
  clips: ClipMaterial[];
  /** The input the compose step gave composeAd, with the files written to a folder. */
  composeInput: ComposeInput;
}

async function saveAsset(storage: Storage, asset: AssetRow, file: string) {
  await writeFile(file, await storage.getBytes(asset.storageKey));
  return file;
}

/** Rebuilds each step's input the way packages/pipeline's jobs build it. */
export async function readSessionMaterial(
  db: Database,
  storage: Storage,
  session: SessionRow,
  dir: string,
): Promise<SessionMaterial> {
  const images = await listSessionAssets(db, session.id, "image");
  const imagePngs = await Promise.all(images.map((image) => storage.getBytes(image.storageKey)));
  const imageBytes = new Map(images.map((image, i) => [image.id, imagePngs[i] as Buffer]));

  const videos = await listSessionAssets(db, session.id, "video");
  const clips = await Promise.all(
    videos.map(async (video) => {
      const { scene } = parseAssetMetadata(video, "video");
      const image = imageBytes.get(video.sourceImageId ?? "");
      if (!image || !scene) throw new Error(`Clip ${video.id} lost its still or scene`);
      return {
        request: {
          image,
          scene,
          durationSec: FLOW.clipSeconds,
          fps: video.fps ?? 30,
          seed: session.consistencySeed ?? 0,
        },
        bytes: await storage.getBytes(video.storageKey),
      };
    }),
  );

  const byId = new Map(videos.map((video) => [video.id, video]));
  const ordered = session.clipOrder.flatMap((id) => byId.get(id) ?? []);
  const stills = (await listApprovedAssets(db, session.id, "image")).slice(0, 4);
  const [music] = await listSessionAssets(db, session.id, "audio");
  if (!music) throw new Error("The compose step stored no music");
  const request = composeFinalVideoInput.parse({
    sessionId: session.id,
    textOverlay: FLOW.textOverlay,
    audio: { enabled: true, genre: FLOW.genre },
  });
  const composeInput: ComposeInput = {
    clips: await Promise.all(
      ordered.map(async (clip, i) => ({
        file: await saveAsset(storage, clip, path.join(dir, `clip-${i}.mp4`)),
        durationSec: clip.duration ?? 0,
        analysis: parseAssetMetadata(clip, "video").analysis,
      })),
    ),
    stills: await Promise.all(
      stills.map((still, i) => saveAsset(storage, still, path.join(dir, `still-${i}.png`))),
    ),
    ...requestedLook(request),
    musicFile: await saveAsset(storage, music, path.join(dir, "music.wav")),
    outputFile: path.join(dir, "floor-ad.mp4"),
  };
  return { imagePngs, clips, composeInput };
}
