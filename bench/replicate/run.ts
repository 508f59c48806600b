/**
 * Replicate benchmark (issue 10): the whole flow — 6 images, 4 clips, the final ad with
 * music — through the real pipeline on GENERATION_PROVIDER=replicate against the
 * Replicate-compatible test server with real-model latencies, S3 on s3rver, PGlite (or
 * DATABASE_URL). Prints the wall time of each step next to the sum of its model latencies
 * if run one after another, and the longest chain the parallel pipeline cannot beat.
 *
 *   pnpm --filter @adgen/bench run replicate          (REPLICATE_BENCH_SCALE=0.1 for a quick run)
 */
import {
  composeRequest,
  scriptHappyModels,
  startReplicateFlow,
} from "@adgen/provider-replicate/testing";
import { ensureTrustedLoopback, latencyScale } from "./env";

const IMAGES = 6;
const CLIPS = 4;
const CALL_CONCURRENCY = 4;

async function main() {
  if ((await ensureTrustedLoopback()) === "ran-in-child") return;
  const scale = latencyScale();
  const latency = {
    llm: 2000 * scale,
    image: 4000 * scale,
    video: 40_000 * scale,
    music: 10_000 * scale,
  };
  const h = await startReplicateFlow(
    {
      REPLICATE_WAIT_SECONDS: "5",
      REPLICATE_POLL_INTERVAL_MS: "500",
      REPLICATE_POLL_MAX_INTERVAL_MS: "2000",
    },
    { callConcurrency: CALL_CONCURRENCY },
  );
  try {
    scriptHappyModels(h.replicate, latency);
    const { id } = await h.newSession();
    const step = async (run: () => Promise<unknown>, after: number) => {
      const started = performance.now();
      await run();
      const events = await h.untilDone(id, after);
      return { ms: performance.now() - started, last: events.at(-1)?.id ?? after };
    };

    const images = await step(
      async () =>
        h.pipeline.generateImages(await h.reload(id), {
          sessionId: id,
          productPrompt: "Matte black aluminium water bottle with a bamboo cap",
          numImages: IMAGES,
          styleKeywords: ["minimal"],
        }),
      0,
    );
    const imageRows = await h.assets(id, "image");
    const approved = imageRows.slice(0, CLIPS).map((i) => i.id);
    await h.pipeline.saveApprovedImages(await h.reload(id), {
      sessionId: id,
      approvedImageIds: approved,
    });
    const clips = await step(
      async () =>
        h.pipeline.generateClips(await h.reload(id), {
          sessionId: id,
          videoPrompt: "Slow elegant orbit on dark marble",
          clipDuration: 3,
        }),
      images.last,
    );
    const clipIds = (await h.assets(id, "video")).map((c) => c.id);
    await h.pipeline.saveApprovedClips(await h.reload(id), {
      sessionId: id,
      approvedClipIds: clipIds,
      clipOrder: clipIds,
    });
    const compose = await step(
      async () => h.pipeline.composeFinalVideo(await h.reload(id), composeRequest(id)),
      clips.last,
    );
    const session = await h.reload(id);
    if (session.stage !== "complete")
      throw new Error(`the flow ended in ${session.stage}: ${session.error}`);

    // What the models alone take, called one after another, and along the longest chain.
    const lanes = (n: number) => Math.ceil(n / CALL_CONCURRENCY);
    const serial = {
      images: latency.llm + IMAGES * latency.image,
      clips: latency.llm + CLIPS * latency.video,
      compose: latency.music,
    };
    const chain = {
      // The hero first, then the derived views in lanes of CALL_CONCURRENCY (the hero's lane waits).
      images: latency.llm + (1 + lanes(IMAGES - 1)) * latency.image,
      clips: latency.llm + lanes(CLIPS) * latency.video,
      compose: latency.music,
    };
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`.padStart(8);
    const rows: [string, number, number, number][] = [
      ["images", images.ms, serial.images, chain.images],
      ["clips", clips.ms, serial.clips, chain.clips],
      ["compose", compose.ms, serial.compose, chain.compose],
    ];
    const total = rows.reduce((t, r) => [t[0] + r[1], t[1] + r[2], t[2] + r[3]], [0, 0, 0]);
    console.log(
      `Replicate flow: ${IMAGES} images, ${CLIPS} clips of 3 s, music; CALL_CONCURRENCY=${CALL_CONCURRENCY}; latency scale ${scale}`,
    );
    console.log("step        wall time   serial model sum   longest chain");
    for (const [name, wall, sum, longest] of rows)
      console.log(`${name.padEnd(10)} ${s(wall)}   ${s(sum)}           ${s(longest)}`);
    console.log(
      `${"total".padEnd(10)} ${s(total[0]!)}   ${s(total[1]!)}           ${s(total[2]!)}`,
    );
    console.log(`speed-up over one call at a time: ${(total[1]! / total[0]!).toFixed(2)}×`);
    const predictions = h.replicate.requests.filter(
      (r) => r.method === "POST" && r.path.endsWith("/predictions"),
    ).length;
    console.log(
      `predictions created: ${predictions}; session cost: $${(session.totalCostMicros / 1e6).toFixed(4)}`,
    );
  } finally {
    await h.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
