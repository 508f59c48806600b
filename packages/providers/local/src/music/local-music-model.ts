import { musicGenreSchema } from "@adgen/schemas";
import { ModelCallError, type MusicModel } from "@adgen/agents";
import { defineCpuTask } from "../pool/index";
import type { composeMusicTask } from "./compose-task";

export const LOCAL_MUSIC_MODEL_ID = "local/synth-bed-v1";
const MAX_DURATION_SEC = 120;

/** The synth takes whole seconds of CPU: it runs in the pool, never on this thread. */
const composeInPool = defineCpuTask<
  Parameters<typeof composeMusicTask>[0],
  { bytes: Uint8Array; durationSec: number }
>(new URL("./compose-task.ts", import.meta.url), "composeMusicTask");

/**
 * The offline music model: a seeded JavaScript synthesizer writing a 48 kHz stereo 16-bit WAV
 * of exactly the asked length at −15 LUFS. Royalty-free by construction, free, deterministic.
 */
export function createLocalMusicModel(): MusicModel {
  return {
    id: LOCAL_MUSIC_MODEL_ID,
    async compose(req) {
      const started = performance.now();
      const fail = (message: string, cause?: unknown): never => {
        throw Object.assign(
          new ModelCallError(message, {
            model: LOCAL_MUSIC_MODEL_ID,
            costUsd: 0,
            durationMs: Math.round(performance.now() - started),
            retryable: false,
          }),
          { cause },
        );
      };
      const genre = musicGenreSchema.safeParse(req.genre);
      if (!genre.success) fail(`Unknown music genre: ${String(req.genre)}`);
      if (!(req.durationSec > 0 && req.durationSec <= MAX_DURATION_SEC)) {
        fail(`Music lasts more than 0 and at most ${MAX_DURATION_SEC} seconds`);
      }
      if (req.signal?.aborted) fail("The music job was cancelled");
      try {
        const task = { genre: req.genre, durationSec: req.durationSec, seed: req.seed };
        const bed = await composeInPool(task, { signal: req.signal });
        return {
          output: {
            bytes: Buffer.from(bed.bytes.buffer, bed.bytes.byteOffset, bed.bytes.byteLength),
            contentType: "audio/wav" as const,
            durationSec: bed.durationSec,
          },
          costUsd: 0,
          durationMs: Math.round(performance.now() - started),
          model: LOCAL_MUSIC_MODEL_ID,
        };
      } catch (error) {
        if (req.signal?.aborted) fail("The music job was cancelled", error);
        return fail(
          `Composing the music failed: ${error instanceof Error ? error.message : String(error)}`,
          error,
        );
      }
    },
  };
}
