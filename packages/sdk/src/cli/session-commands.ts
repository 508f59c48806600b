import { formatUsd } from "@adgen/schemas";
import type { CommandContext } from "./context";

const oneId = (ctx: CommandContext) => ctx.args[0]!;

export async function list(ctx: CommandContext) {
  const page = await ctx.client().trpc.sessions.list.query({ limit: 50 });
  ctx.out.result(
    page,
    page.items.length === 0
      ? "No ads yet: make one with `adgen make`."
      : page.items.map(
          (s) =>
            `${s.id}  ${s.stage.padEnd(17)} ${formatUsd(s.totalCost).padStart(8)}  ${s.productPrompt ?? "(no prompt yet)"}`,
        ),
  );
}

export async function status(ctx: CommandContext) {
  const s = await ctx.client().trpc.sessions.get.query({ sessionId: oneId(ctx) });
  const lines = [
    `${s.productPrompt ?? "(no prompt yet)"} — ${s.stage}, ${formatUsd(s.totalCost)} of ${formatUsd(s.budget)}`,
    `images: ${s.generatedImages.length} (${s.approvedImageIds.length} approved); clips: ${s.generatedClips.length} (${s.clipOrder.length} in order)`,
  ];
  if (s.finalVideo)
    lines.push(
      `video: ${s.finalVideo.duration?.toFixed(1)} s, ${s.finalVideo.resolution}, ${s.finalVideo.fileSizeMb} MB — ${s.finalVideo.url}`,
    );
  if (s.error) lines.push(`error: ${s.error}`);
  ctx.out.result(s, lines);
}

export async function costs(ctx: CommandContext) {
  const c = await ctx.client().trpc.sessions.costs.query({ sessionId: oneId(ctx) });
  ctx.out.result(c, [
    ...c.lines.map(
      (l) =>
        `${l.stage.padEnd(17)} ${l.agent.padEnd(16)} ${l.model.padEnd(26)} ${formatUsd(l.cost).padStart(8)} ${(l.durationMs / 1000).toFixed(1).padStart(6)} s ${l.success ? "" : `FAILED ${l.error ?? ""}`}`,
    ),
    `total ${formatUsd(c.total)} of ${formatUsd(c.budget)}`,
  ]);
}

export async function remove(ctx: CommandContext) {
  const sessionId = oneId(ctx);
  await ctx.client().trpc.sessions.delete.mutate({ sessionId });
  ctx.out.result({ deleted: sessionId }, `Deleted ${sessionId}.`);
}

export async function download(ctx: CommandContext) {
  const sessionId = oneId(ctx);
  const path = ctx.flags.out ?? `adgen-${sessionId.slice(0, 8)}.mp4`;
  const saved = await ctx.client().download(sessionId, path);
  ctx.out.result(
    { sessionId, file: saved.path, bytes: saved.bytes },
    `Saved ${saved.path} (${(saved.bytes / 1048576).toFixed(1)} MB).`,
  );
}
