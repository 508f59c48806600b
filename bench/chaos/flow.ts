import { createAdgenClient } from "@adgen/sdk";
import type { Stage } from "@adgen/schemas";
import { CLIP_SECONDS, CLIPS_PER_SESSION, IMAGES_PER_SESSION } from "./settings";

export interface FlowResult {
  sessionId: string;
  stage: Stage;
  error: string | null;
  /** The highest total cost seen while polling, in dollars. */
  maxCostSeen: number;
}

const STEP_TIMEOUT_MS = 8 * 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type ChaosClient = ReturnType<typeof createAdgenClient>;

/** A new user, signed in through the SDK. */
export async function signUp(baseUrl: string, user: { email: string; password: string }) {
  const anon = createAdgenClient({ baseUrl });
  const { sessionToken } = await anon.trpc.auth.signup.mutate(user);
  return createAdgenClient({ baseUrl, token: sessionToken });
}

/**
 * One whole ad through the API as a user makes it: images → approve → clips → approve →
 * compose, polling `sessions.get` for each step's end. A session that fails is left failed:
 * the chaos test asks whether the system finishes on its own.
 */
export async function runFlow(
  client: ChaosClient,
  onSession: (sessionId: string) => void,
): Promise<FlowResult> {
  const { sessionId } = await client.trpc.sessions.create.mutate();
  onSession(sessionId);
  let maxCostSeen = 0;

  const waitFor = async (stages: Stage[]) => {
    const deadline = Date.now() + STEP_TIMEOUT_MS;
    for (;;) {
      const session = await client.trpc.sessions.get.query({ sessionId });
      maxCostSeen = Math.max(maxCostSeen, session.totalCost);
      if (stages.includes(session.stage) || session.stage === "failed") return session;
      if (Date.now() > deadline)
        throw new Error(`still ${session.stage} after ${STEP_TIMEOUT_MS} ms`);
      await sleep(400);
    }
  };
  const result = (stage: Stage, error: string | null): FlowResult => ({
    sessionId,
    stage,
    error,
    maxCostSeen,
  });

  await client.trpc.generation.generateImages.mutate({
    sessionId,
    productPrompt: "Matte black aluminium water bottle",
    numImages: IMAGES_PER_SESSION,
  });
  let session = await waitFor(["image_selection"]);
  if (session.stage === "failed") return result(session.stage, session.error);
  const approvedImageIds = session.generatedImages.slice(0, CLIPS_PER_SESSION).map((i) => i.id);
  await client.trpc.generation.saveApprovedImages.mutate({ sessionId, approvedImageIds });

  await client.trpc.generation.generateClips.mutate({
    sessionId,
    videoPrompt: "Slow elegant orbit on marble, warm light",
    clipDuration: CLIP_SECONDS,
  });
  session = await waitFor(["clip_selection"]);
  if (session.stage === "failed") return result(session.stage, session.error);
  const clipIds = session.generatedClips.map((c) => c.id);
  await client.trpc.generation.saveApprovedClips.mutate({
    sessionId,
    approvedClipIds: clipIds,
    clipOrder: clipIds,
  });

  await client.trpc.generation.composeFinalVideo.mutate({
    sessionId,
    textOverlay: { productName: "AeroFlask", cta: "Shop now" },
    audio: { enabled: true, genre: "upbeat" },
  });
  session = await waitFor(["complete"]);
  return result(session.stage, session.error);
}
