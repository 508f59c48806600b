import { encodeWav } from "@adgen/media";
import { musicGenreSchema } from "@adgen/schemas";
import { ModelCallError, type MusicModel } from "@adgen/agents";
import { composeBed, SAMPLE_RATE } from "./compose-bed";

export const LOCAL_MUSIC_MODEL_ID = "local/synth-bed-v1";
const MAX_DURATION_SEC = 120;

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
        const bed = composeBed(req.genre, req.durationSec, req.seed);
        const bytes = encodeWav({ sampleRate: SAMPLE_RATE, channels: [bed.left, bed.right] });
        return {
          output: {
            bytes,
            contentType: "audio/wav" as const,
            durationSec: bed.left.length / SAMPLE_RATE,
          },
          costUsd: 0,
          durationMs: Math.round(performance.now() - started),
          model: LOCAL_MUSIC_MODEL_ID,
        };
      } catch (error) {
        return fail(
          `Composing the music failed: ${error instanceof Error ? error.message : String(error)}`,
          error,
        );
      }
    },
  };
}
