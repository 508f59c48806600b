import type { MusicModel } from "@adgen/agents";
import { readWavInfo } from "@adgen/media";
import type { MusicGenre } from "@adgen/schemas";
import { callModel, choicesFor, type ReplicateContext } from "../client/call-model";
import { estimateUsd } from "../client/cost";
import { musicInput } from "../inputs";
import { downloadOutput } from "../output/download";
import { outputUrls } from "../output/urls";

const GENRE_PROMPTS: Record<MusicGenre, string> = {
  upbeat:
    "upbeat modern pop instrumental for a product advert, bright synths, claps, 120 bpm, no vocals",
  chill:
    "chill lo-fi instrumental for a product advert, soft keys, warm bass, relaxed beat, 85 bpm, no vocals",
  energetic:
    "energetic electronic instrumental for a product advert, driving drums, punchy bass, 128 bpm, no vocals",
};

/** MusicGen on an A100 makes about one second of audio per 2.5 s of predict time. */
const PREDICT_SECONDS_PER_AUDIO_SECOND = 2.5;

/** The music bed on MusicGen; the compositor masters it to −16 LUFS like the local bed. */
export function createReplicateMusicModel(ctx: ReplicateContext): MusicModel {
  const choices = choicesFor(ctx.config, "music");
  return {
    id: ctx.config.roles.music.model.split(":")[0] ?? "meta/musicgen",
    estimateCostUsd: ({ durationSec }) =>
      estimateUsd(choices[0]?.price, {
        hardwareSeconds: Math.ceil(durationSec ?? 12) * PREDICT_SECONDS_PER_AUDIO_SECOND,
      }),
    async compose(req) {
      const call = await callModel(ctx, {
        role: "music",
        label: "music model",
        signal: req.signal,
        onBillable: req.onBillable,
        input: (choice) =>
          musicInput(choice.family, {
            prompt: GENRE_PROMPTS[req.genre],
            durationSec: req.durationSec,
            seed: req.seed,
          }),
        produces: () => ({}),
        finish: async (prediction) =>
          downloadOutput(outputUrls(prediction.output)[0] ?? "", {
            allowedHosts: ctx.config.outputHosts,
            maxBytes: ctx.config.maxOutputBytes,
            timeoutMs: ctx.config.downloadTimeoutMs,
            signal: req.signal,
          }),
      });
      const { bytes } = call.output;
      const wav = bytes.toString("ascii", 0, 4) === "RIFF";
      const durationSec = wav ? readWavInfo(bytes).durationSec : req.durationSec;
      return {
        ...call,
        output: {
          bytes,
          contentType: wav ? ("audio/wav" as const) : ("audio/mpeg" as const),
          durationSec,
        },
      };
    },
  };
}
