#!/usr/bin/env -S node --import tsx
/**
 * `adgen`: the command-line face of the SDK.
 *
 *   adgen login --email you@example.com --password …
 *   adgen make "Matte black water bottle" --video-prompt "Slow orbit on marble" \
 *     --name AeroFlask --cta "Shop now" --music upbeat --out ad.mp4
 *   adgen list | adgen status <sessionId> | adgen costs <sessionId> | adgen delete <sessionId>
 */
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { ASPECT_RATIOS, MUSIC_GENRES, OVERLAY_FONTS, formatUsd } from "@adgen/schemas";
import { TRPCClientError } from "@trpc/client";
import { createAdgenClient } from "./client";
import { loadCredentials, saveCredentials } from "./credentials";
import { readCliEnv } from "./env";
import { makeAd } from "./make-ad";

const USAGE = `usage: adgen <command> [options]

commands:
  signup  --email E --password P        create an account and save its token
  login   --email E --password P        log in and save the token (~/.config/adgen)
  list                                  your ads, newest first
  status  <sessionId>                   stage, images, clips, video and cost of one ad
  costs   <sessionId>                   the cost ledger of one ad
  delete  <sessionId>                   delete an ad and its files
  make    "<product>" --video-prompt P --name N --cta C [--images 6] [--approve 3]
          [--duration 3] [--music upbeat|chill|energetic] [--format 16:9|9:16|1:1]
          [--font montserrat|poppins|bebas-neue|anton] [--color #FFFFFF] [--out ad.mp4]

environment: ADGEN_URL (default http://localhost:3000), ADGEN_TOKEN (else the saved token)`;

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  flag: string,
): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`--${flag} must be one of: ${allowed.join(", ")}`);
}

async function main(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      "video-prompt": { type: "string" },
      name: { type: "string" },
      cta: { type: "string" },
      images: { type: "string" },
      approve: { type: "string" },
      duration: { type: "string" },
      music: { type: "string" },
      format: { type: "string" },
      font: { type: "string" },
      color: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, ...args] = positionals;
  if (!command || values.help) return console.log(USAGE);

  const env = readCliEnv();
  const saved = await loadCredentials();
  const baseUrl = env.ADGEN_URL ?? saved?.baseUrl ?? "http://localhost:3000";
  const token = env.ADGEN_TOKEN ?? (saved?.baseUrl === baseUrl ? saved.token : undefined);

  if (command === "login" || command === "signup") {
    const client = createAdgenClient({ baseUrl });
    const input = { email: values.email ?? "", password: values.password ?? "" };
    const result =
      command === "login"
        ? await client.trpc.auth.login.mutate(input)
        : await client.trpc.auth.signup.mutate(input);
    const where = await saveCredentials({
      baseUrl,
      token: result.sessionToken,
      email: result.email,
    });
    console.log(`Logged in as ${result.email}; token saved to ${where}.`);
    return;
  }

  if (!token) throw new Error("Not logged in: run `adgen login` or set ADGEN_TOKEN.");
  const client = createAdgenClient({ baseUrl, token });
  try {
    switch (command) {
      case "list": {
        const page = await client.trpc.sessions.list.query({ limit: 50 });
        for (const s of page.items)
          console.log(
            `${s.id}  ${s.stage.padEnd(17)} ${formatUsd(s.totalCost).padStart(8)}  ${s.productPrompt ?? "(no prompt yet)"}`,
          );
        return;
      }
      case "status": {
        const s = await client.trpc.sessions.get.query({ sessionId: args[0] ?? "" });
        console.log(
          `${s.productPrompt ?? "(no prompt yet)"} — ${s.stage}, ${formatUsd(s.totalCost)} of ${formatUsd(s.budget)}`,
        );
        console.log(
          `images: ${s.generatedImages.length} (${s.approvedImageIds.length} approved); clips: ${s.generatedClips.length} (${s.clipOrder.length} in order)`,
        );
        if (s.finalVideo)
          console.log(
            `video: ${s.finalVideo.duration?.toFixed(1)} s, ${s.finalVideo.resolution}, ${s.finalVideo.fileSizeMb} MB — ${s.finalVideo.url}`,
          );
        if (s.error) console.log(`error: ${s.error}`);
        return;
      }
      case "costs": {
        const c = await client.trpc.sessions.costs.query({ sessionId: args[0] ?? "" });
        for (const l of c.lines)
          console.log(
            `${l.stage.padEnd(17)} ${l.agent.padEnd(16)} ${l.model.padEnd(26)} ${formatUsd(l.cost).padStart(8)} ${(l.durationMs / 1000).toFixed(1).padStart(6)} s ${l.success ? "" : `FAILED ${l.error ?? ""}`}`,
          );
        console.log(`total ${formatUsd(c.total)} of ${formatUsd(c.budget)}`);
        return;
      }
      case "delete": {
        await client.trpc.sessions.delete.mutate({ sessionId: args[0] ?? "" });
        console.log("Deleted.");
        return;
      }
      case "make": {
        const out = values.out ?? "ad.mp4";
        let lastMessage = "";
        const { session, video } = await makeAd(client, {
          productPrompt: args.join(" "),
          videoPrompt: values["video-prompt"] ?? "",
          productName: values.name ?? "",
          cta: values.cta ?? "",
          numImages: values.images ? Number(values.images) : undefined,
          approveImages: values.approve ? Number(values.approve) : undefined,
          clipDuration: values.duration ? Number(values.duration) : undefined,
          music: oneOf(values.music, MUSIC_GENRES, "music") ?? null,
          aspectRatio: oneOf(values.format, ASPECT_RATIOS, "format"),
          font: oneOf(values.font, OVERLAY_FONTS, "font"),
          color: values.color,
          onEvent: (e) => {
            if (e.message === lastMessage) return;
            lastMessage = e.message;
            console.log(`[${String(e.progress).padStart(3)} %] ${e.message}`);
          },
        });
        await writeFile(out, video);
        console.log(
          `Saved ${out}: ${session.finalVideo?.duration?.toFixed(1)} s, ${session.finalVideo?.resolution}, ${(video.length / 1048576).toFixed(1)} MB, cost ${formatUsd(session.totalCost)} (session ${session.id}).`,
        );
        return;
      }
      default:
        throw new Error(`Unknown command "${command}".\n\n${USAGE}`);
    }
  } finally {
    client.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof TRPCClientError) {
    const fields = (error.data as { fieldErrors?: Record<string, string[]> } | undefined)
      ?.fieldErrors;
    console.error(`adgen: ${error.message}`);
    for (const [field, messages] of Object.entries(fields ?? {}))
      console.error(`  ${field}: ${messages.join(" ")}`);
  } else {
    console.error(`adgen: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
