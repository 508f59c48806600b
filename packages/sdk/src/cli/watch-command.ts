import type { Stage } from "@adgen/schemas";
import type { CommandContext } from "./context";

const RUNNING: Stage[] = ["image_generation", "clip_generation", "final_composition"];

/**
 * Follows an ad until its running step ends: replays from `--from` (or the start), prints
 * each event, and after each `done` event asks whether anything still runs.
 */
export async function watchCommand(ctx: CommandContext) {
  const client = ctx.client();
  const sessionId = ctx.args[0]!;
  const session = await client.trpc.sessions.get.query({ sessionId });
  if (!RUNNING.includes(session.stage) && !ctx.flags.from) {
    ctx.out.result(
      { type: "idle", sessionId, stage: session.stage },
      `${sessionId} is at ${session.stage}; no step is running.`,
    );
    return;
  }
  const bars = ctx.out.tty && !ctx.out.quiet && !ctx.out.json;
  let stage = session.stage;
  for await (const event of client.watch(sessionId, {
    lastEventId: ctx.flags.from,
    signal: ctx.signal,
  })) {
    if (bars) ctx.out.progress(sessionId, "", event);
    else
      ctx.out.record(
        { type: "event", ...event },
        `${event.id}\t[${String(Math.round(event.progress)).padStart(3)} %] ${event.stage}: ${event.message}`,
      );
    if (!event.done) continue;
    stage = (await client.trpc.sessions.get.query({ sessionId })).stage;
    if (!RUNNING.includes(stage)) break;
  }
  if (ctx.signal.aborted) {
    ctx.out.note(`Stopped watching; resume with: adgen watch ${sessionId}`);
    process.exitCode = 130;
    return;
  }
  if (bars) ctx.out.progressEnd(sessionId);
  ctx.out.result({ type: "end", sessionId, stage }, `${sessionId} is now at ${stage}.`);
  if (stage === "failed") process.exitCode = 1;
}
