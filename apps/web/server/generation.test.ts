import { withPricesAndFaults } from "@adgen/agents/testing";
import type { AppRouter } from "@adgen/api";
import { createLocalProvider } from "@adgen/provider-local";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { followUntil, probeUrl } from "./test/flow";
import { createClient, startTestServer, type TestServer } from "./test/harness";

/** Prices in dollars per call (video per second), like a paid provider's price table. */
const PRICES = {
  parser: 0.001,
  image: 0.003,
  planner: 0.002,
  videoPerSecond: 0.01,
  analyst: 0.0005,
};

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ provider: withPricesAndFaults(createLocalProvider(), PRICES) });
});
afterAll(() => server.close());

async function newUser() {
  const anon = createClient(server.baseUrl);
  const { sessionToken } = await anon.client.auth.signup.mutate({
    email: `gen-${Math.random().toString(36).slice(2)}@example.com`,
    password: "long-enough-pw",
  });
  anon.close();
  return { token: sessionToken, ...createClient(server.baseUrl, { token: sessionToken }) };
}

async function failureOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCClientError);
  const e = error as TRPCClientError<AppRouter>;
  return { code: e.data?.code, message: e.message, fieldErrors: e.data?.fieldErrors };
}

describe("the generation flow", () => {
  it("goes from a prompt to 6 images, 3 approved, 3 clips, 2 approved in order, with exact costs", async () => {
    const user = await newUser();
    const { client } = user;
    const { sessionId } = await client.sessions.create.mutate();

    await client.generation.generateImages.mutate({
      sessionId,
      productPrompt: "Matte black aluminium water bottle",
      numImages: 6,
    });
    const imageEvents = await followUntil(client, sessionId, ["image_selection", "failed"]);
    expect(imageEvents.at(-1)).toMatchObject({
      stage: "image_selection",
      progress: 100,
      done: true,
    });
    expect(imageEvents.map((e) => e.message)).toContain("Generated image 3 of 6…");
    const progress = imageEvents.map((e) => e.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    let session = await client.sessions.get.query({ sessionId });
    expect(session.stage).toBe("image_selection");
    expect(session.generatedImages).toHaveLength(6);
    expect(new Set(session.generatedImages.map((i) => i.viewType)).size).toBe(6);
    expect(new Set(session.generatedImages.map((i) => i.seed))).toEqual(
      new Set([session.consistencySeed]),
    );
    const image = await probeUrl(server.baseUrl, session.generatedImages[0]!.url, user.token);
    expect([image.width, image.height]).toEqual([1024, 1024]);

    const approvedImages = session.generatedImages.slice(0, 3).map((i) => i.id);
    await client.generation.saveApprovedImages.mutate({
      sessionId,
      approvedImageIds: approvedImages,
    });
    session = await client.sessions.get.query({ sessionId });
    expect(session.approvedImageIds.sort()).toEqual([...approvedImages].sort());

    await client.generation.generateClips.mutate({
      sessionId,
      videoPrompt: "Slow elegant orbit on marble",
      clipDuration: 2,
    });
    const clipEvents = await followUntil(client, sessionId, ["clip_selection", "failed"], {
      lastEventId: imageEvents.at(-1)!.id,
    });
    expect(clipEvents.at(-1)).toMatchObject({ stage: "clip_selection", done: true });

    session = await client.sessions.get.query({ sessionId });
    expect(session.generatedClips).toHaveLength(3);
    expect(new Set(session.generatedClips.map((c) => c.sourceImageId))).toEqual(
      new Set(approvedImages),
    );
    for (const clip of session.generatedClips) {
      expect(clip.duration).toBeCloseTo(2, 1);
      const probed = await probeUrl(server.baseUrl, clip.url, user.token);
      expect(probed.durationSec).toBeGreaterThan(2 - 1 / 30 - 0.001);
      expect(probed.durationSec).toBeLessThan(2 + 1 / 30 + 0.001);
      expect(probed.videoCodec).toBe("h264");
      expect(probed.fps).toBe(30);
    }

    const [first, second] = session.generatedClips;
    const order = [second!.id, first!.id];
    await client.generation.saveApprovedClips.mutate({
      sessionId,
      approvedClipIds: order,
      clipOrder: order,
    });
    session = await client.sessions.get.query({ sessionId });
    expect(session.clipOrder).toEqual(order);
    expect(session.approvedClipIds.sort()).toEqual([...order].sort());
    expect(session.stage).toBe("clip_selection");

    const costs = await client.sessions.costs.query({ sessionId });
    const agents = costs.lines.map((l) => l.agent).sort();
    expect(agents).toEqual(
      [
        "prompt_parser",
        ...Array(6).fill("image_generator"),
        "scene_planner",
        ...Array(3).fill("video_generator"),
        ...Array(3).fill("video_analyst"),
      ].sort(),
    );
    expect(costs.lines.every((l) => l.success)).toBe(true);
    // 0.001 + 6 × 0.003 + 0.002 + 3 × (2 s × 0.01) + 3 × 0.0005, summed exactly in micro-dollars.
    expect(costs.total).toBe(0.0825);
    expect(costs.byStage).toEqual({ image_generation: 0.019, clip_generation: 0.0635 });
    expect(costs.byAgent.video_generator).toBe(0.06);
    expect(session.totalCost).toBe(0.0825);
    user.close();
  });

  it("replays exactly the missed events to a client that resubscribes with lastEventId", async () => {
    const user = await newUser();
    const { sessionId } = await user.client.sessions.create.mutate();
    await user.client.generation.generateImages.mutate({
      sessionId,
      productPrompt: "Rose gold wrist watch",
      numImages: 4,
    });
    const all = await followUntil(user.client, sessionId, ["image_selection"]);
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((a, b) => a - b));
    const cut = all[2]!;
    const again = createClient(server.baseUrl, { token: user.token });
    const resumed = await followUntil(again.client, sessionId, ["image_selection"], {
      lastEventId: cut.id,
    });
    expect(resumed).toEqual(all.slice(3));
    again.close();
    // Unsubscribing reaches the server asynchronously; then no follower may be left behind.
    // The timeout only detects a hang.
    await vi.waitFor(() => expect(server.services.pipeline.events.listenerCount()).toBe(0), {
      timeout: 30_000,
    });
    user.close();
  });
});

describe("composition", () => {
  it("composes the ordered clips, refuses text no font can draw, and keeps earlier videos after a recompose", async () => {
    const user = await newUser();
    const { client } = user;
    const { sessionId } = await client.sessions.create.mutate();
    const compose = (patch: Record<string, unknown> = {}) =>
      client.generation.composeFinalVideo.mutate({
        sessionId,
        textOverlay: { productName: "Aurora", cta: "Shop now" },
        ...patch,
      });

    expect(await failureOf(compose())).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "Generate video clips first.",
    });
    await client.generation.generateImages.mutate({
      sessionId,
      productPrompt: "Rose gold wrist watch",
      numImages: 4,
    });
    let last = (await followUntil(client, sessionId, ["image_selection"])).at(-1)!.id;
    const images = (await client.sessions.get.query({ sessionId })).generatedImages;
    await client.generation.saveApprovedImages.mutate({
      sessionId,
      approvedImageIds: [images[0]!.id, images[1]!.id],
    });
    await client.generation.generateClips.mutate({
      sessionId,
      videoPrompt: "Slow luxurious push-in",
      clipDuration: 2,
    });
    last = (await followUntil(client, sessionId, ["clip_selection"], { lastEventId: last })).at(
      -1,
    )!.id;
    expect(await failureOf(compose())).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "Approve and order your clips before composing the video.",
    });
    const clips = (await client.sessions.get.query({ sessionId })).generatedClips;
    const order = [clips[1]!.id, clips[0]!.id];
    await client.generation.saveApprovedClips.mutate({
      sessionId,
      approvedClipIds: order,
      clipOrder: order,
    });

    expect(
      await failureOf(compose({ textOverlay: { productName: "𝄞 Clef", cta: "Shop now" } })),
    ).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: {
        "textOverlay.productName": [
          "The product name contains a character no available font can draw: 𝄞",
        ],
      },
    });
    expect((await client.sessions.get.query({ sessionId })).stage).toBe("clip_selection");

    await compose({ audio: { enabled: true, genre: "chill" } });
    const events = await followUntil(client, sessionId, ["complete", "failed"], {
      lastEventId: last,
    });
    expect(events.at(-1)).toMatchObject({ stage: "complete", done: true });
    expect(
      events.some((e) => e.stage === "final_composition" && e.progress > 10 && e.progress < 100),
    ).toBe(true);
    last = events.at(-1)!.id;
    let session = await client.sessions.get.query({ sessionId });
    expect(session.finalVideo).toMatchObject({ resolution: "1920x1080", fps: 30, format: "mp4" });
    // The finish form starts from what was asked for, defaults filled in.
    expect(session.lastComposition).toEqual({
      textOverlay: { productName: "Aurora", cta: "Shop now", font: "montserrat", color: "#FFFFFF" },
      audio: { enabled: true, genre: "chill" },
      introDuration: 1,
      outroDuration: 1,
      aspectRatio: "16:9",
    });
    const probed = await probeUrl(server.baseUrl, session.finalVideo!.url, user.token);
    expect(probed).toMatchObject({ width: 1920, height: 1080, videoCodec: "h264", hasAudio: true });
    // The plan: 1 s intro + 2 × 2 s clips + 1 s outro, less three 0.5 s crossfades.
    expect(probed.durationSec).toBeCloseTo(1 + 2 + 2 + 1 - 3 * 0.5, 1);
    expect(session.finalVideo!.duration).toBeCloseTo(4.5, 1);

    await compose({
      aspectRatio: "9:16",
      textOverlay: { productName: "Aurora", cta: "Shop now", color: "#111111" },
    });
    await followUntil(client, sessionId, ["complete", "failed"], { lastEventId: last });
    session = await client.sessions.get.query({ sessionId });
    expect(session.finalVideo?.resolution).toBe("1080x1920");
    expect(session.lastComposition).toMatchObject({
      textOverlay: { color: "#111111" },
      audio: { enabled: false },
      aspectRatio: "9:16",
    });
    expect(session.finalVideos.map((v) => v.resolution).sort()).toEqual(["1080x1920", "1920x1080"]);
    const costs = await client.sessions.costs.query({ sessionId });
    expect(costs.lines.filter((l) => l.agent === "compositor")).toHaveLength(2);
    expect(costs.lines.filter((l) => l.agent === "music")).toHaveLength(1);
    user.close();
  });
});

describe("refusals", () => {
  it("explains wrong-stage requests, foreign images and foreign sessions", async () => {
    const owner = await newUser();
    const stranger = await newUser();
    const { sessionId } = await owner.client.sessions.create.mutate();
    expect(
      await failureOf(
        owner.client.generation.generateClips.mutate({ sessionId, videoPrompt: "A slow push-in" }),
      ),
    ).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "Generate product images first.",
    });

    await owner.client.generation.generateImages.mutate({
      sessionId,
      productPrompt: "Canvas tote bag",
      numImages: 4,
    });
    await followUntil(owner.client, sessionId, ["image_selection"]);
    const images = (await owner.client.sessions.get.query({ sessionId })).generatedImages;
    expect(images).toHaveLength(4);

    await owner.client.generation.saveApprovedImages.mutate({
      sessionId,
      approvedImageIds: [images[0]!.id, images[1]!.id],
    });
    const other = await stranger.client.sessions.create.mutate();
    await stranger.client.generation.generateImages.mutate({
      sessionId: other.sessionId,
      productPrompt: "Blue ceramic jar",
      numImages: 4,
    });
    await followUntil(stranger.client, other.sessionId, ["image_selection"]);
    const foreign = (await stranger.client.sessions.get.query({ sessionId: other.sessionId }))
      .generatedImages[0]!;
    expect(
      await failureOf(
        owner.client.generation.saveApprovedImages.mutate({
          sessionId,
          approvedImageIds: [images[0]!.id, foreign.id],
        }),
      ),
    ).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { approvedImageIds: [`The image ${foreign.id} is not part of this session.`] },
    });

    expect(
      await failureOf(
        stranger.client.generation.generateClips.mutate({
          sessionId,
          videoPrompt: "A slow push-in",
        }),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(await failureOf(stranger.client.sessions.get.query({ sessionId }))).toMatchObject({
      code: "NOT_FOUND",
    });
    const media = await fetch(new URL(images[0]!.url, server.baseUrl), {
      headers: { authorization: `Bearer ${stranger.token}` },
    });
    expect(media.status).toBe(404);
    const anonymous = await fetch(new URL(images[0]!.url, server.baseUrl));
    expect(anonymous.status).toBe(404);
    const mine = await fetch(new URL(images[0]!.url, server.baseUrl), {
      headers: { authorization: `Bearer ${owner.token}` },
    });
    expect(mine.status).toBe(200);
    expect(mine.headers.get("content-type")).toBe("image/png");
    owner.close();
    stranger.close();
  });

  it("serves byte ranges so video seeking works", async () => {
    const user = await newUser();
    const { sessionId } = await user.client.sessions.create.mutate();
    await user.client.generation.generateImages.mutate({
      sessionId,
      productPrompt: "Red leather sneaker",
      numImages: 4,
    });
    await followUntil(user.client, sessionId, ["image_selection"]);
    const image = (await user.client.sessions.get.query({ sessionId })).generatedImages[0]!;
    const url = new URL(image.url, server.baseUrl);
    const auth = { authorization: `Bearer ${user.token}` };
    const whole = Buffer.from(await (await fetch(url, { headers: auth })).arrayBuffer());
    const part = await fetch(url, { headers: { ...auth, range: "bytes=100-199" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-199/${whole.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(whole.subarray(100, 200));
    const beyond = await fetch(url, { headers: { ...auth, range: `bytes=${whole.length + 10}-` } });
    expect(beyond.status).toBe(416);

    await user.client.sessions.delete.mutate({ sessionId });
    const gone = await fetch(url, { headers: auth });
    expect(gone.status).toBe(404);
    const left = await server.services.storage.stat(
      new URL(image.url, server.baseUrl).pathname.replace("/media/", ""),
    );
    expect(left).toBeNull();
    user.close();
  });
});

describe("the spending cap", () => {
  it("refuses a step whose estimate passes the cap with the reason, before anything runs", async () => {
    // What happens to calls inside a job at the cap is the pipeline's (packages/pipeline).
    const capped = await startTestServer({
      budgetUsd: 0.015,
      provider: withPricesAndFaults(createLocalProvider(), PRICES),
    });
    try {
      const anon = createClient(capped.baseUrl);
      const { sessionToken } = await anon.client.auth.signup.mutate({
        email: "capped@example.com",
        password: "long-enough-pw",
      });
      anon.close();
      const { client, close } = createClient(capped.baseUrl, { token: sessionToken });
      const { sessionId } = await client.sessions.create.mutate();

      expect(
        await failureOf(
          client.generation.generateImages.mutate({
            sessionId,
            productPrompt: "Steel watch",
            numImages: 6,
          }),
        ),
      ).toMatchObject({
        code: "PRECONDITION_FAILED",
        message:
          "This would pass the session's $0.015 spending cap: $0.00 spent so far and this step needs about $0.019.",
      });
      const session = await client.sessions.get.query({ sessionId });
      expect(session).toMatchObject({ stage: "created", totalCost: 0 });
      expect((await client.sessions.costs.query({ sessionId })).lines).toEqual([]);
      close();
    } finally {
      await capped.close();
    }
  });
});
