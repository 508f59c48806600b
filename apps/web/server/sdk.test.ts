import { AdgenError, createAdgenClient, type WatchedEvent } from "@adgen/sdk";
import { withPricesAndFaults } from "@adgen/agents/testing";
import { probeMedia } from "@adgen/media";
import { STAGES } from "@adgen/schemas";
import { createLocalProvider } from "@adgen/provider-local";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import type { Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./test/harness";
import { holdableLocalProvider, signedUpClient } from "./test/sdk-helpers";

const images = holdableLocalProvider();
let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await startTestServer({ provider: images.provider });
  dir = await mkdtemp(path.join(tmpdir(), "adgen-sdk-"));
});
afterAll(async () => {
  images.release();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const spec = {
  productPrompt: "Rose gold wrist watch",
  videoPrompt: "Slow luxurious push-in, warm light",
  productName: "Aurora",
  cta: "Shop now",
  numImages: 4,
  clipDuration: 2,
  music: "chill",
} as const;

describe("createAd", () => {
  it("runs the whole flow, composes the clips the callback chose in its order, and downloads the MP4", async () => {
    const { client } = await signedUpClient(server.baseUrl);
    const events: WatchedEvent[] = [];
    let chosenImages: string[] = [];
    let chosenClips: string[] = [];
    const { sessionId, session } = await client.createAd(spec, {
      onProgress: (event) => events.push(event),
      approve: {
        // The last three images, last first; then the clips reversed, one left out.
        images: (all) =>
          (chosenImages = all
            .slice(1)
            .map((i) => i.id)
            .reverse()),
        clips: (all) =>
          (chosenClips = all
            .slice(1)
            .map((c) => c.id)
            .reverse()),
      },
    });
    expect(session.stage).toBe("complete");
    // Every stage between the first request and the end, each reported.
    expect(new Set(events.map((e) => e.stage))).toEqual(
      new Set(STAGES.filter((stage) => stage !== "created" && stage !== "failed")),
    );
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(session.approvedImageIds.toSorted()).toEqual(chosenImages.toSorted());
    expect(chosenClips).toHaveLength(2);
    expect(session.clipOrder).toEqual(chosenClips);
    expect(session.generatedClips.map((c) => c.sourceImageId).toSorted()).toEqual(
      chosenImages.toSorted(),
    );

    const file = path.join(dir, "aurora.mp4");
    const saved = await client.download(sessionId, file);
    const probed = await probeMedia(file);
    expect([probed.width, probed.height]).toEqual([1920, 1080]);
    expect(probed.sizeBytes).toBe(saved.bytes);
    expect((await readFile(file)).subarray(4, 8).toString()).toBe("ftyp");
    client.close();
  }, 240_000);
});

describe("typed errors", () => {
  it("lets a caller switch on what went wrong", async () => {
    const { client } = await signedUpClient(server.baseUrl);
    const kindOf = (promise: Promise<unknown>) =>
      promise.then(
        () => "no error",
        (error: unknown) =>
          error instanceof AdgenError ? error.kind : `not an AdgenError: ${String(error)}`,
      );
    const invalid = await client
      .createAd({ ...spec, videoPrompt: "short" })
      .catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(AdgenError);
    expect((invalid as AdgenError).kind).toBe("validation");
    expect((invalid as AdgenError).fieldErrors).toEqual({
      videoPrompt: ["Video description must be at least 10 characters"],
    });
    // The server's own field errors arrive the same way.
    const { sessionId } = await client.trpc.sessions.create.mutate();
    const refused = await client.trpc.generation.generateImages
      .mutate({ sessionId, productPrompt: "ab" })
      .then(
        () => null,
        (e: unknown) => e as AdgenError,
      );
    expect(refused?.kind).toBe("validation");
    expect(refused?.field).toBe("productPrompt");
    expect(
      await kindOf(
        client.trpc.generation.saveApprovedImages.mutate({
          sessionId,
          approvedImageIds: [crypto.randomUUID(), crypto.randomUUID()],
        }),
      ),
    ).toBe("wrong_step");
    expect(await kindOf(client.trpc.sessions.get.query({ sessionId: crypto.randomUUID() }))).toBe(
      "not_found",
    );
    const anonymous = createAdgenClient({ baseUrl: server.baseUrl });
    expect(await kindOf(anonymous.trpc.sessions.list.query({}))).toBe("auth");
    const nowhere = createAdgenClient({ baseUrl: "http://127.0.0.1:9" });
    expect(await kindOf(nowhere.trpc.health.query())).toBe("network");
    client.close();
  });

  it("says when a step would pass the spending cap", async () => {
    const capped = await startTestServer({
      budgetUsd: 0.01,
      provider: withPricesAndFaults(createLocalProvider(), { image: 0.05 }),
    });
    try {
      const { client } = await signedUpClient(capped.baseUrl);
      const error = await client.createAd(spec).then(
        () => null,
        (e: unknown) => e as AdgenError,
      );
      expect([error?.kind, error?.message]).toEqual([
        "spending_cap",
        expect.stringMatching(/spending cap/),
      ]);
      client.close();
    } finally {
      await capped.close();
    }
  });
});

describe("watch", () => {
  it("resumes after the server drops the WebSocket, with no event twice and none missing", async () => {
    const { client } = await signedUpClient(server.baseUrl);
    const sockets: Socket[] = [];
    const onUpgrade = (_req: unknown, socket: Socket) => sockets.push(socket);
    server.httpServer.on("upgrade", onUpgrade);
    images.hold();
    const { sessionId } = await client.trpc.sessions.create.mutate();
    await client.trpc.generation.generateImages.mutate({
      sessionId,
      productPrompt: "Ceramic pour-over kettle",
      numImages: 4,
    });

    const received: WatchedEvent[] = [];
    for await (const event of client.watch(sessionId)) {
      received.push(event);
      if (received.length === 1) {
        // Mid-step: the renders are held, so everything after this is produced while the
        // client is cut off or reconnecting.
        for (const socket of sockets) socket.destroy();
        images.release();
      }
      if (event.done) break;
    }
    server.httpServer.off("upgrade", onUpgrade);
    expect(sockets.length).toBeGreaterThanOrEqual(2);

    // What an undisturbed reader sees from the start to the same point.
    const reader = createAdgenClient({ baseUrl: server.baseUrl, token: client.token });
    const everything: string[] = [];
    for await (const event of reader.watch(sessionId)) {
      everything.push(event.id);
      if (event.done) break;
    }
    expect(received.map((e) => e.id)).toEqual(everything);
    expect(received.at(-1)).toMatchObject({ stage: "image_selection", done: true });
    expect(received.filter((e) => e.message.startsWith("Generated image")).length).toBeGreaterThan(
      0,
    );

    // Resuming after an id yields exactly what came after it.
    const resumed: string[] = [];
    for await (const event of reader.watch(sessionId, { lastEventId: everything[1] })) {
      resumed.push(event.id);
      if (event.done) break;
    }
    expect(resumed).toEqual(everything.slice(2));
    reader.close();
    client.close();
  });
});
