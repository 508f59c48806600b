import { AdgenError } from "../errors";
import { intFlag, numberFlag } from "./args";
import type { CommandContext } from "./context";
import { EXIT } from "./failure";
import { makeAndSave, stopAndExplain } from "./run-ad";

/** How each spec field is spelled on the command line, for error messages. */
export const MAKE_FLAGS: Record<string, string> = {
  productPrompt: '"<product>"',
  videoPrompt: "--video-prompt",
  productName: "--name",
  cta: "--cta",
  numImages: "--images",
  clipDuration: "--duration",
  music: "--music",
  aspectRatio: "--format",
  font: "--font",
  color: "--color",
};

const quote = (arg: string) =>
  /^[\w@%+=:,./#-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;

/** The `adgen make` line that continues the ad `sessionId` made from `spec`. */
export function resumeCommand(
  spec: Record<string, unknown>,
  sessionId: string,
  more: { out?: string; approve?: number } = {},
) {
  const words = ["adgen", "make", quote(String(spec.productPrompt ?? ""))];
  for (const [field, flag] of Object.entries(MAKE_FLAGS)) {
    const value = spec[field];
    if (field === "productPrompt" || value === undefined || value === null) continue;
    words.push(flag, quote(String(value)));
  }
  if (more.approve) words.push("--approve", String(more.approve));
  if (more.out) words.push("--out", quote(more.out));
  words.push("--resume", sessionId);
  return words.join(" ");
}

export async function makeCommand(ctx: CommandContext) {
  const { flags } = ctx;
  const spec = {
    productPrompt: ctx.args.join(" "),
    videoPrompt: flags["video-prompt"],
    productName: flags.name,
    cta: flags.cta,
    numImages: numberFlag(flags.images, "images"),
    clipDuration: numberFlag(flags.duration, "duration"),
    music: flags.music,
    aspectRatio: flags.format,
    font: flags.font,
    color: flags.color,
  } as Parameters<typeof makeAndSave>[2];
  const approveImages = intFlag(flags.approve, "approve", 2, 8);
  const client = ctx.client();
  let sessionId = flags.resume;
  try {
    const result = await makeAndSave(client, ctx.out, spec, {
      key: "ad",
      label: "",
      file: flags.out ?? "ad.mp4",
      approve: approveImages ? { images: approveImages } : undefined,
      resume: flags.resume,
      signal: ctx.signal,
    });
    sessionId = result.sessionId;
    ctx.out.result(
      result,
      `Saved ${result.file}: ${result.duration?.toFixed(1)} s, ${result.resolution}, ${(result.bytes / 1048576).toFixed(1)} MB (session ${result.sessionId}).`,
    );
  } catch (error) {
    if (!(error instanceof AdgenError) || error.kind !== "cancelled" || !error.sessionId)
      throw error;
    sessionId = error.sessionId;
    const hint = resumeCommand(spec, sessionId, { out: flags.out, approve: approveImages });
    const message = await stopAndExplain(client, sessionId, hint);
    ctx.out.result({ interrupted: true, sessionId, message }, message);
    process.exitCode = EXIT.interrupted;
  }
}
