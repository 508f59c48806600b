import type { ReplicateTestServer } from "@adgen/test-utils";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { billingRef } from "./client/billing-ref";
import { createReplicateClient, createReplicateProvider } from "./provider";
import {
  IMAGE_REQUEST,
  MODELS,
  scriptHappyModels,
  testConfig,
  useReplicateServer,
} from "./test/replicate-models";

/*
 * A worker killed mid-call leaves its predictions' references on the ledger; the next
 * attempt (another process) asks Replicate what they were billed. A prediction still
 * running is cancelled first: nobody will read its output.
 */

const replicate = useReplicateServer({ beforeAll, afterAll, beforeEach });
let server: ReplicateTestServer;
beforeAll(() => {
  server = replicate.current();
});

/** Two processes: the one whose worker dies mid-call, and the one that settles. */
const provider = () => createReplicateProvider({ config: testConfig(server) });

/** Scripts `model` like the happy models but taking `latencyMs`. */
function slow(model: string, latencyMs: number) {
  const captured: Record<string, Parameters<ReplicateTestServer["script"]>[1]> = {};
  scriptHappyModels({ ...server, script: (name, script) => (captured[name] = script) });
  server.script(model, { ...captured[model], latencyMs });
}

/**
 * A prediction created the way a call creates it, whose worker then died: its reference
 * is what the call noted on the ledger.
 */
async function orphanPrediction(model: string, input: Record<string, unknown>, produces = {}) {
  const client = createReplicateClient(testConfig(server));
  const [name, version] = model.split(":");
  const prediction = await client.predictions.create(
    version ? { version, input } : { model: name!, input },
  );
  return billingRef({ name: name! }, prediction, produces);
}

const image = IMAGE_REQUEST;

describe("settling the predictions of a call whose worker died", () => {
  it("charges a prediction that finished what Replicate bills for it", async () => {
    const refs: string[] = [];
    await provider().imageModel.generate({
      ...image,
      onBillable: async (ref) => void refs.push(ref),
    });
    expect(refs).toHaveLength(1);
    // FLUX dev is priced per output image.
    expect(await provider().settleInterrupted?.(refs)).toBeCloseTo(0.025, 9);
  });

  it("cancels an output-priced prediction still running, which then costs nothing", async () => {
    slow(MODELS.video, 60_000);
    const ref = await orphanPrediction(MODELS.video, { prompt: "orbit" }, { outputSeconds: 5 });
    expect(await provider().settleInterrupted?.([ref])).toBe(0);
    expect(server.predictions().map((p) => [p.model, p.status])).toEqual([
      [MODELS.video, "canceled"],
    ]);
  });

  it("cancels a time-priced prediction still running and charges the time it ran", async () => {
    const music = `${MODELS.music}:${MODELS.musicVersion}`;
    slow(music, 60_000);
    const ref = await orphanPrediction(music, { duration: 10 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const usd = await provider().settleInterrupted?.([ref]);
    // MusicGen bills $0.0014 per second it ran: at least the 0.3 s waited, far below the
    // 20 s a finished bed is billed.
    expect(usd).toBeGreaterThanOrEqual(0.0014 * 0.3);
    expect(usd).toBeLessThan(0.0014 * 20);
    expect(server.predictions()[0]?.status).toBe("canceled");
  });

  it("cannot say, and is asked again later, when Replicate does not answer", async () => {
    const refs: string[] = [];
    await provider().imageModel.generate({
      ...image,
      onBillable: async (ref) => void refs.push(ref),
    });
    const unreachable = createReplicateProvider({
      config: { ...testConfig(server), baseUrl: "https://127.0.0.1:9/v1" },
    });
    expect(await unreachable.settleInterrupted?.(refs)).toBeNull();
    // A reference another provider wrote is not ours to price.
    expect(await provider().settleInterrupted?.(["chaos:1234:abc"])).toBeNull();
  });
});
